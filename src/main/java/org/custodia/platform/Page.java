package org.custodia.platform;

import java.util.List;

/**
 * One page of a list: no endpoint answers with an unbounded list. {@code page} counts from 0; {@code total} is the
 * number of items on all pages (one aggregate query, not the whole list).
 */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final int MAX_PAGE = 100_000;

    public Page {
        items = List.copyOf(items);
    }

    /** The offset of the first item of a page. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
