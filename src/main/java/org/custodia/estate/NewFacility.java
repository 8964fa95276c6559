package org.custodia.estate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;

public record NewFacility(@NotNull(groups = Required.class, message = CODE)
                          @Pattern(regexp = "[A-Z0-9-]{2,20}", message = CODE) String code,
                          @NotBlank(groups = Required.class, message = "required") @Text(max = 200) String name,
                          @NotNull(groups = Required.class, message = "required") FacilityKind kind,
                          @NotBlank(groups = Required.class, message = "required") @Text(max = 100)
                          String jurisdiction,
                          @NotNull(groups = Required.class, message = "required, zero or more") @Min(0) @Max(1000000)
                          Integer declaredCapacity) {
    static final String CODE = "2-20 characters: upper-case letters, digits or '-'";
}
