package org.custodia.incidents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** A statement on a use of force is due {@code statementDays} after it is recorded (established practice: 3). */
@ConfigurationProperties("custodia.incidents")
public record IncidentRules(Integer statementDays) {
    public IncidentRules {
        statementDays = statementDays == null ? 3 : statementDays;
    }
}
