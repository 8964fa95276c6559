package org.custodia.legal;

public record NewCharge(String caseNumber, String offence, String statuteArticle, Seriousness seriousness) {
}
