package org.custodia.legal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Release-date arithmetic, shown step by step. Sentences are taken in the order given (the order they were
 * recorded). A concurrent sentence starts on its start date; a consecutive one starts on the completion date of the
 * sentence it follows, or of the latest-completing earlier sentence. Each sentence's completion is its start plus
 * its term, less its remand credit (never before its start). The earliest release date is the latest completion.
 */
public final class SentenceCalculator {
    private SentenceCalculator() {
    }

    /** One line of the calculation: when a sentence starts and is complete, and why. */
    public record Step(long sentenceId, String caseNumber, SentenceMode mode, Long follows, LocalDate startsOn,
                       Term term, long creditDays, LocalDate completeOn) {
    }

    public record Calculation(List<Step> steps, Term pronounced, long daysToServe, LocalDate earliestRelease) {
    }

    public static Calculation calculate(List<Sentence> sentences) {
        List<Step> steps = new ArrayList<>();
        Map<Long, LocalDate> completion = new HashMap<>();
        LocalDate latest = null;
        LocalDate earliestStart = null;
        Term pronounced = Term.ZERO;
        for (Sentence s : sentences) {
            if (s.remandCreditDays() < 0) {
                throw new IllegalArgumentException("remand credit is never negative");
            }
            LocalDate start;
            if (s.mode() == SentenceMode.CONSECUTIVE && (s.follows() != null || latest != null)) {
                LocalDate after = s.follows() != null ? completion.get(s.follows()) : latest;
                if (after == null) {
                    throw new IllegalArgumentException("sentence " + s.id() + " follows an unknown sentence");
                }
                start = after;
            } else {
                start = s.startDate();
            }
            LocalDate full = s.term().endFrom(start);
            LocalDate complete = full.minusDays(s.remandCreditDays());
            if (complete.isBefore(start)) {
                complete = start;
            }
            completion.put(s.id(), complete);
            latest = latest == null || complete.isAfter(latest) ? complete : latest;
            earliestStart = earliestStart == null || start.isBefore(earliestStart) ? start : earliestStart;
            pronounced = pronounced.plus(s.term());
            steps.add(new Step(s.id(), s.caseNumber(), s.mode(), s.follows(), start, s.term(), s.remandCreditDays(),
                    complete));
        }
        long days = latest == null ? 0 : ChronoUnit.DAYS.between(earliestStart, latest);
        return new Calculation(List.copyOf(steps), pronounced.normalised(), days, latest);
    }
}
