package org.custodia.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counting people into and out of places, many places in one statement (a population taken on is counted into
 * hundreds of cells at once): each place gets its own count, a limit holds in the same statement, and a refusal
 * leaves every count as it was.
 */
class PopulationCountTest extends ServiceTest {
    @Autowired
    EstateService estate;
    @Autowired
    TransactionTemplate tx;

    @Nested
    class OccupyAll {
        @Test
        void eachPlaceGetsItsOwnCount() {
            long a = fx.newCell("CECOT", 10);
            long b = fx.newCell("CECOT", 10);
            tx.executeWithoutResult(s -> estate.occupyAll(Map.of(a, 3, b, 7), true));
            assertThat(fx.population(a)).isEqualTo(3);
            assertThat(fx.population(b)).isEqualTo(7);
        }

        @Test
        void aCellWithTooFewCertifiedPlacesRefusesAndNoCountChanges() {
            long a = fx.newCell("CECOT", 10);
            long full = fx.newCell("CECOT", 2);
            String code = estate.location(full).orElseThrow().code();
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> estate.occupyAll(Map.of(a, 1, full, 3), true)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CAPACITY_EXCEEDED);
                        assertThat(e.getMessage()).contains(code).contains("3 people");
                    });
            assertThat(fx.population(a)).isZero();
            assertThat(fx.population(full)).isZero();
        }

        @Test
        void aPopulationTakenOnAsFoundMayExceedTheCertifiedPlaces() {
            long small = fx.newCell("CECOT", 2);
            tx.executeWithoutResult(s -> estate.occupyAll(Map.of(small, 5), false));
            assertThat(fx.population(small)).isEqualTo(5);
        }
    }

    @Nested
    class OccupyWithin {
        @Test
        void aPlaceWithoutALimitTakesAnyNumber() {
            long a = fx.newCell("CECOT", 1);
            long b = fx.newCell("CECOT", 1);
            tx.executeWithoutResult(s -> estate.occupyWithin(Map.of(a, 1, b, 4), Map.of(a, 1)));
            assertThat(fx.population(a)).isEqualTo(1);
            assertThat(fx.population(b)).isEqualTo(4);
        }

        @Test
        void aPlacePastItsLimitRefusesAndNoCountChanges() {
            long a = fx.newCell("CECOT", 10);
            long b = fx.newCell("CECOT", 10);
            assertThatThrownBy(() -> tx.executeWithoutResult(
                    s -> estate.occupyWithin(Map.of(a, 2, b, 3), Map.of(a, 5, b, 2))))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CAPACITY_EXCEEDED));
            assertThat(fx.population(a)).isZero();
            assertThat(fx.population(b)).isZero();
        }
    }

    @Nested
    class VacateAll {
        @Test
        void eachPlaceLosesItsOwnCount() {
            long a = fx.newCell("CECOT", 10);
            long b = fx.newCell("CECOT", 10);
            tx.executeWithoutResult(s -> estate.occupyAll(Map.of(a, 4, b, 4), true));
            tx.executeWithoutResult(s -> estate.vacateAll(Map.of(a, 1, b, 4)));
            assertThat(fx.population(a)).isEqualTo(3);
            assertThat(fx.population(b)).isZero();
        }

        @Test
        void aCountThatWouldGoBelowZeroIsRefusedAndNoCountChanges() {
            long a = fx.newCell("CECOT", 10);
            long b = fx.newCell("CECOT", 10);
            tx.executeWithoutResult(s -> estate.occupyAll(Map.of(a, 2, b, 1), true));
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> estate.vacateAll(Map.of(a, 2, b, 2))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(Long.toString(b));
            assertThat(fx.population(a)).isEqualTo(2);
            assertThat(fx.population(b)).isEqualTo(1);
        }
    }
}
