package org.custodia.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The page a list endpoint is asked for, from the query ({@code ?page=&size=}): page from 0, size from 1 to
 * {@link Page#MAX_SIZE}, {@link Page#DEFAULT_SIZE} when not given. Bound and validated as a whole ({@code @Valid
 * @ParameterObject PageQuery}), so that every list has the same bounds and the same 400 beyond them.
 */
public record PageQuery(@Min(0) @Max(Page.MAX_PAGE) Integer page, @Min(1) @Max(Page.MAX_SIZE) Integer size) {
    public PageQuery {
        page = page == null ? 0 : page;
        size = size == null ? Page.DEFAULT_SIZE : size;
    }
}
