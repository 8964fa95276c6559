package org.custodia.legal;

import org.custodia.platform.validation.Text;

public record NewCharge(@Text(max = 300) String caseNumber,
                        @Text(max = 300) String offence,
                        @Text(max = 300) String statuteArticle,
                        Seriousness seriousness) {
}
