package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link InstantText} writes every instant as {@link Instant#toString()} does (the oracle): its bytes are hashed in
 * every ledger entry, so one differing character would break the chain of anything it writes.
 */
class InstantTextProperties {

    @Property(tries = 5000)
    void writesWhatToStringWrites(@ForAll("instants") Instant instant) {
        assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
    }

    @Property(tries = 500)
    void appendsAfterWhatIsThere(@ForAll("instants") Instant instant) {
        assertThat(InstantText.append(new StringBuilder("x"), instant).toString()).isEqualTo("x" + instant);
    }

    @Example
    void theEdgesOfTheFastPathAndTheFractionGroups() {
        for (String s : new String[] {"0999-12-31T23:59:59.999999999Z", "1000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-1000000-06-01T12:00:00.000001Z",
                "2026-11-30T10:00:00Z", "2026-11-30T10:00:00.100Z", "2026-11-30T10:00:00.000100Z",
                "2026-11-30T10:00:00.000000100Z", "2024-02-29T23:59:59.123456Z", "1970-01-01T00:00:00Z"}) {
            Instant i = Instant.parse(s);
            assertThat(InstantText.of(i)).isEqualTo(i.toString()).isEqualTo(s);
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        // seconds across every year Instant allows, most of them where custody records lie; nanos whole,
        // to the millisecond, to the microsecond, or none
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.longs().between(-30_610_224_100L, 253_402_300_900L),
                Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000), Arbitraries.just(0));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }
}
