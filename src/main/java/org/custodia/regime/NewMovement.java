package org.custodia.regime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;

/**
 * People taken out of their cells together, under one escort, to one place, due back by a time. An emergency
 * (a medical emergency, a fire) goes even while the facility is being counted, and says why.
 */
public record NewMovement(
        @NotEmpty(groups = Required.class, message = "required: the people who move together")
        @Size(max = 200, message = "at most 200 people in one escorted group") List<@NotNull Long> personIds,
        @NotNull(groups = Required.class, message = "required") Long destinationId,
        @NotNull(groups = Required.class, message = "required") Purpose purpose,
        @NotBlank(groups = Required.class, message = "required: who escorts the group") @Text(max = 300) String escort,
        @NotNull(groups = Required.class, message = "required") @Moment(daysAhead = 7) Instant dueBackAt,
        Boolean emergency,
        @Text(max = 2000, multiline = true) String reason) {

    public boolean isEmergency() {
        return Boolean.TRUE.equals(emergency);
    }
}
