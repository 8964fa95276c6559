package org.custodia.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NotEmpty;

/** Sentence arithmetic: order, concurrency, consecutive sums, credit and centuries. */
class SentenceProperties {
    static final LocalDate START = LocalDate.of(2022, 3, 27);

    static Sentence sentence(long id, Term term, LocalDate start, SentenceMode mode, long credit) {
        return new Sentence(id, "C-" + id, "Juzgado", "Delito", term, start, mode, null, credit, start);
    }

    @Provide
    Arbitrary<Term> terms() {
        return Combinators.combine(Arbitraries.longs().between(0, 60), Arbitraries.longs().between(0, 11),
                Arbitraries.longs().between(0, 30)).as(Term::new);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(0, 20_000).map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
    }

    @Property(tries = 300)
    void concurrentSentencesGiveTheSameReleaseInAnyOrder(@ForAll @NotEmpty List<@From("terms") Term> terms,
                                                         @ForAll @NotEmpty List<@From("dates") LocalDate> starts,
                                                         @ForAll long seed) {
        List<Sentence> list = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            list.add(sentence(i + 1, terms.get(i), starts.get(i % starts.size()), SentenceMode.CONCURRENT, 0));
        }
        LocalDate release = SentenceCalculator.calculate(list).earliestRelease();
        Collections.shuffle(list, new Random(seed));
        assertThat(SentenceCalculator.calculate(list).earliestRelease()).isEqualTo(release);
        // concurrent: the release is the latest single completion
        LocalDate latest = list.stream().map(s -> s.term().endFrom(s.startDate())).max(LocalDate::compareTo)
                .orElseThrow();
        assertThat(release).isEqualTo(latest);
    }

    @Property(tries = 300)
    void consecutiveSentencesAddUp(@ForAll @NotEmpty List<@LongRange(min = 0, max = 4000) Long> days) {
        List<Sentence> list = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            list.add(sentence(i + 1, new Term(0, 0, days.get(i)), START, SentenceMode.CONSECUTIVE, 0));
        }
        long total = days.stream().mapToLong(Long::longValue).sum();
        SentenceCalculator.Calculation c = SentenceCalculator.calculate(list);
        assertThat(c.earliestRelease()).isEqualTo(START.plusDays(total));
        assertThat(c.daysToServe()).isEqualTo(total);
    }

    @Property(tries = 200)
    void centuriesAreExact(@ForAll @IntRange(min = 1, max = 40) int count, @ForAll @IntRange(min = 1, max = 60) int years) {
        List<Sentence> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(sentence(i + 1, new Term(years, 0, 0), START, SentenceMode.CONSECUTIVE, 0));
        }
        SentenceCalculator.Calculation c = SentenceCalculator.calculate(list);
        assertThat(c.pronounced()).isEqualTo(new Term((long) count * years, 0, 0));
        assertThat(c.earliestRelease()).isEqualTo(START.plusYears((long) count * years));
    }

    @Property(tries = 300)
    void creditNeverLengthensAndNeverGoesBeforeTheStart(@ForAll("terms") Term term, @ForAll("dates") LocalDate start,
                                                       @ForAll @LongRange(min = 0, max = 30_000) long credit,
                                                       @ForAll @LongRange(min = 0, max = 30_000) long more) {
        LocalDate with = SentenceCalculator.calculate(List.of(sentence(1, term, start, SentenceMode.CONCURRENT, credit)))
                .earliestRelease();
        LocalDate withMore = SentenceCalculator.calculate(
                List.of(sentence(1, term, start, SentenceMode.CONCURRENT, credit + more))).earliestRelease();
        assertThat(withMore).isBeforeOrEqualTo(with);
        assertThat(withMore).isAfterOrEqualTo(start);
        assertThat(with).isBeforeOrEqualTo(term.endFrom(start));
    }

    @Property(tries = 300)
    void anotherSentenceNeverBringsTheReleaseForward(@ForAll @NotEmpty List<@From("terms") Term> terms,
                                                     @ForAll("terms") Term extra, @ForAll boolean consecutive) {
        List<Sentence> list = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            list.add(sentence(i + 1, terms.get(i), START, i % 2 == 0 ? SentenceMode.CONCURRENT : SentenceMode.CONSECUTIVE,
                    0));
        }
        LocalDate before = SentenceCalculator.calculate(list).earliestRelease();
        list.add(sentence(terms.size() + 1, extra, START,
                consecutive ? SentenceMode.CONSECUTIVE : SentenceMode.CONCURRENT, 0));
        assertThat(SentenceCalculator.calculate(list).earliestRelease()).isAfterOrEqualTo(before);
    }
}
