package org.custodia.legal;

import java.time.LocalDate;

/** A sentence as a records officer enters it from the judgment. */
public record NewSentence(String caseNumber, String court, String offence, Long years, Long months, Long days,
                          LocalDate startDate, SentenceMode mode, Long follows, Long remandCreditDays,
                          LocalDate imposedOn) {
}
