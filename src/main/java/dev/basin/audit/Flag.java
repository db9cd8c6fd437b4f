package dev.basin.audit;

/** What the coverage report flags on a column. */
public enum Flag {
    /** The table has no rows (raised on each of its columns). */
    EMPTY_TABLE,
    /** Every row holds NULL. */
    ALL_NULL,
    /** One distinct non-null value in a table with at least two rows. */
    CONSTANT
}
