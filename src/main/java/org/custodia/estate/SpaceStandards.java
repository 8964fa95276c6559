package org.custodia.estate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Minimum floor space per person in shared accommodation: ICRC-SPACE-DORM (3.4 m²) and CPT-SPACE-MULTI (4 m²).
 * Configurable, because jurisdictions and later guidance differ.
 */
@ConfigurationProperties("custodia.standards")
public record SpaceStandards(BigDecimal icrcSpaceDorm, BigDecimal cptSpaceMulti) {
    public SpaceStandards {
        icrcSpaceDorm = icrcSpaceDorm == null ? new BigDecimal("3.4") : icrcSpaceDorm;
        cptSpaceMulti = cptSpaceMulti == null ? new BigDecimal("4.0") : cptSpaceMulti;
    }

    Occupancy occupancy(String scope, String id, String name, Integer declared, int certified, int population,
                        int housed, BigDecimal area) {
        BigDecimal perPerson = housed == 0 || area == null ? null
                : area.divide(BigDecimal.valueOf(housed), 2, RoundingMode.HALF_UP);
        return new Occupancy(scope, id, name, declared, certified, population, housed,
                pct(population, declared), pct(housed, certified), area, perPerson,
                List.of(check("ICRC-SPACE-DORM", icrcSpaceDorm, area, housed),
                        check("CPT-SPACE-MULTI", cptSpaceMulti, area, housed)));
    }

    private static StandardCheck check(String id, BigDecimal min, BigDecimal area, int housed) {
        Boolean met = housed == 0 || area == null ? null
                : area.compareTo(min.multiply(BigDecimal.valueOf(housed))) >= 0;
        return new StandardCheck(id, min, met);
    }

    private static BigDecimal pct(int n, Integer of) {
        if (of == null || of == 0) {
            return null;
        }
        return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }
}
