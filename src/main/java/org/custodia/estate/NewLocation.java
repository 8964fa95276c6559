package org.custodia.estate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import org.custodia.platform.validation.Text;

/** A location to add; {@code pavilionCode} is null for places outside any pavilion. */
public record NewLocation(@Text(max = 100) String pavilionCode,
                          @Text(max = 100) String code,
                          LocationKind kind,
                          @Min(0) @Max(50) Integer level,
                          @DecimalMin("0") @DecimalMax("100000") BigDecimal floorAreaM2,
                          @Min(0) @Max(10000) Integer certifiedCapacity,
                          @Min(0) @Max(10000) Integer bunks) {
}
