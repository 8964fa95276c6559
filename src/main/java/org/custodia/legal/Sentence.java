package org.custodia.legal;

import java.time.LocalDate;

/**
 * One sentence: its case, term, how it runs and the credit the court granted for time on remand.
 * {@code follows} is the id of the sentence a consecutive one starts after (null: after all earlier ones).
 */
public record Sentence(long id, String caseNumber, String court, String offence, Term term, LocalDate startDate,
                       SentenceMode mode, Long follows, long remandCreditDays, LocalDate imposedOn) {
}
