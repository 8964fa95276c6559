package org.custodia.legal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of a single prison term in the jurisdiction: SV-CP-45 (Código Penal art. 45) sets 6 months to 60 years.
 * Accumulated terms have no limit (SV-SENTENCE-SUM).
 */
@ConfigurationProperties("custodia.legal")
public record SentenceRules(Integer singleTermMinMonths, Integer singleTermMaxYears) {
    public SentenceRules {
        singleTermMinMonths = singleTermMinMonths == null ? 6 : singleTermMinMonths;
        singleTermMaxYears = singleTermMaxYears == null ? 60 : singleTermMaxYears;
    }
}
