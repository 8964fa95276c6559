package org.custodia.legal;

import java.time.Instant;

public record Charge(long id, String caseNumber, String offence, String statuteArticle, Seriousness seriousness,
                     String recordedBy, Instant recordedAt) {
}
