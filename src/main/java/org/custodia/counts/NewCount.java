package org.custodia.counts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;

/** Opens a count of a facility; an emergency count says why (a disturbance, a suspected escape). */
public record NewCount(@NotBlank(groups = Required.class, message = "required") @Text(max = 20) String facilityCode,
                       @NotNull(groups = Required.class, message = "required") CountKind kind,
                       @Text(max = 2000, multiline = true) String reason) {
}
