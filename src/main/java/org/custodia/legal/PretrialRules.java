package org.custodia.legal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pretrial detention limits of the jurisdiction: SV-CPP-8 (Código Procesal Penal art. 8) 12 months for less
 * serious and 24 for serious offences; a person is on the worklist {@code warningDays} before the limit. A court
 * may extend a limit by at most {@code maxExtensionMonths} beyond it (SV-LECO-2025: 12 months).
 */
@ConfigurationProperties("custodia.legal.pretrial")
public record PretrialRules(Integer lessSeriousMonths, Integer seriousMonths, Integer warningDays,
                            Integer maxExtensionMonths) {
    public PretrialRules {
        lessSeriousMonths = lessSeriousMonths == null ? 12 : lessSeriousMonths;
        seriousMonths = seriousMonths == null ? 24 : seriousMonths;
        warningDays = warningDays == null ? 30 : warningDays;
        maxExtensionMonths = maxExtensionMonths == null ? 12 : maxExtensionMonths;
    }

    int monthsFor(Seriousness s) {
        return s == Seriousness.SERIOUS ? seriousMonths : lessSeriousMonths;
    }
}
