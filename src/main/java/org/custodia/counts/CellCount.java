package org.custodia.counts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;

/**
 * One officer's count of one cell: how many people they counted, who of those expected is missing, who is there
 * who should not be (a person by id, or a description when nobody knows who it is), and a note.
 */
public record CellCount(@NotNull(groups = Required.class, message = "required") @Min(0) @Max(1000) Integer counted,
                        @Size(max = 1000) List<@NotNull Long> missing,
                        @Size(max = 1000) @Valid List<@NotNull Extra> extra,
                        @Text(max = 2000, multiline = true) String note) {

    /** Someone found in the cell who is not expected there: known by id, or described. */
    public record Extra(Long personId, @Text(max = 300) String description) {
    }

    public List<Long> missingOrNone() {
        return missing == null ? List.of() : missing.stream().distinct().sorted().toList();
    }

    public List<Extra> extraOrNone() {
        return extra == null ? List.of() : extra;
    }
}
