package org.custodia.estate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;

/** A location to add; {@code pavilionCode} is null for places outside any pavilion. */
public record NewLocation(@Text(max = 100) String pavilionCode,
                          @NotBlank(groups = Required.class, message = "required") @Text(max = 40) String code,
                          @NotNull(groups = Required.class, message = "required") LocationKind kind,
                          @Min(0) @Max(50) Integer level,
                          @DecimalMin("0") @DecimalMax("100000") BigDecimal floorAreaM2,
                          @Min(0) @Max(10000) Integer certifiedCapacity,
                          @Min(0) @Max(10000) Integer bunks) {
}
