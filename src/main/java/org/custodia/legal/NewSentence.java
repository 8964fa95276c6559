package org.custodia.legal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.custodia.platform.validation.Day;
import org.custodia.platform.validation.Text;

/** A sentence as a records officer enters it from the judgment. */
public record NewSentence(@Text(max = 300) String caseNumber,
                          @Text(max = 200) String court,
                          @Text(max = 300) String offence,
                          @Min(0) @Max(200) Long years,
                          @Min(0) @Max(2400) Long months,
                          @Min(0) @Max(73000) Long days,
                          @Day(daysAhead = 3660) LocalDate startDate,
                          SentenceMode mode,
                          Long follows,
                          @Min(0) @Max(73000) Long remandCreditDays,
                          @Day LocalDate imposedOn) {
}
