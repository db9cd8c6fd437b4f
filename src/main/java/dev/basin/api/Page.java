package dev.basin.api;

import io.javalin.http.Context;

/**
 * Pagination of list endpoints: {@code limit} in [1, {@value #MAX_LIMIT}] (default {@value #DEFAULT_LIMIT}) and
 * {@code offset} in [0, {@value #MAX_OFFSET}] (default 0). A list answer is {@code {"items":[...],"limit","offset",
 * "nextOffset"}} with {@code nextOffset} null on the last page.
 */
record Page(int limit, int offset) {
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_OFFSET = 10_000_000;

    static Page of(Context ctx) {
        return new Page((int) Params.integer(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT),
                (int) Params.integer(ctx, "offset", 0, MAX_OFFSET, 0));
    }

    /** Rows to fetch: one more than the limit, to know whether a next page exists. */
    int fetch() {
        return limit + 1;
    }

    <T> java.util.Map<String, Object> answer(java.util.List<T> fetched) {
        boolean more = fetched.size() > limit;
        java.util.List<T> items = more ? fetched.subList(0, limit) : fetched;
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("items", items);
        out.put("limit", limit);
        out.put("offset", offset);
        out.put("nextOffset", more ? Integer.valueOf(offset + limit) : null);
        return out;
    }
}
