package org.custodia.legal;

import java.time.LocalDate;
import java.time.Period;

/**
 * A prison term as pronounced: years, months and days. Kept as pronounced (not converted to days) so that sums of
 * centuries stay exact (SV-SENTENCE-SUM); {@code long} years cannot overflow for any sum a court can pronounce.
 */
public record Term(long years, long months, long days) {
    public Term {
        if (years < 0 || months < 0 || days < 0) {
            throw new IllegalArgumentException("a term is never negative");
        }
    }

    public static final Term ZERO = new Term(0, 0, 0);

    public Term plus(Term other) {
        return new Term(Math.addExact(years, other.years), Math.addExact(months, other.months),
                Math.addExact(days, other.days));
    }

    /** The same term with months carried into years (days stay: months have no fixed length). */
    public Term normalised() {
        return new Term(Math.addExact(years, months / 12), months % 12, days);
    }

    /** The day the term is complete when it starts on {@code start}. */
    public LocalDate endFrom(LocalDate start) {
        return start.plusYears(years).plusMonths(months).plusDays(days);
    }

    public boolean isZero() {
        return years == 0 && months == 0 && days == 0;
    }

    /** Months in whole, for limits such as "6 months to 60 years" (SV-CP-45). */
    public long totalMonths() {
        return Math.addExact(Math.multiplyExact(years, 12), months);
    }

    public Period asPeriod() {
        return Period.of(Math.toIntExact(years), Math.toIntExact(months), Math.toIntExact(days));
    }

    @Override
    public String toString() {
        return years + "a " + months + "m " + days + "d";
    }
}
