package org.custodia.housing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configurable parts of category separation: below {@code youngAdultAge} a person is a young adult (MANDELA-11(d));
 * men and women are kept apart at {@code sexLevel} (a pavilion by default: separate parts of the institution).
 */
@ConfigurationProperties("custodia.housing")
public record SeparationPolicy(Integer youngAdultAge, Level sexLevel) {
    public SeparationPolicy {
        youngAdultAge = youngAdultAge == null ? 21 : youngAdultAge;
        sexLevel = sexLevel == null ? Level.PAVILION : sexLevel;
        if (youngAdultAge < 18 || youngAdultAge > 30) {
            throw new IllegalArgumentException("custodia.housing.young-adult-age must be 18-30");
        }
        if (sexLevel == Level.FACILITY) {
            throw new IllegalArgumentException("custodia.housing.sex-level is CELL or PAVILION");
        }
    }

    public static SeparationPolicy defaults() {
        return new SeparationPolicy(null, null);
    }
}
