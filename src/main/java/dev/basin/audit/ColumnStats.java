package dev.basin.audit;

import java.util.List;

/**
 * One column's coverage: fraction of NULLs (0 for an empty table), number of distinct non-null values, flags, and
 * the declared reason when the column may legitimately be constant (null otherwise).
 */
public record ColumnStats(String name, String type, double nullFraction, long distinct, List<Flag> flags,
        String constantReason) {
    public ColumnStats {
        flags = List.copyOf(flags);
    }

    /** True if no flag is raised. */
    public boolean clean() {
        return flags.isEmpty();
    }

    /** True if the only flag is CONSTANT and a reason is declared for it. */
    public boolean explainedConstant() {
        return constantReason != null && flags.equals(List.of(Flag.CONSTANT));
    }
}
