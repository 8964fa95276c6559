package org.custodia.estate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.custodia.platform.validation.Text;

public record NewFacility(@Text(max = 100) String code,
                          @Text(max = 200) String name,
                          FacilityKind kind,
                          @Text(max = 100) String jurisdiction,
                          @Min(0) @Max(1000000) Integer declaredCapacity) {
}
