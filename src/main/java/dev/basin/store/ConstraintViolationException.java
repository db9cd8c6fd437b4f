package dev.basin.store;

/**
 * A write broke an integrity constraint (SQLState class 23: unique, foreign key, check, not null). Names the table
 * and, when PostgreSQL reports it, the constraint and column.
 */
public class ConstraintViolationException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String constraint;
    private final String column;

    public ConstraintViolationException(String message, String sqlState, String table, String constraint, String column,
            Throwable cause) {
        super(message, sqlState, cause);
        this.table = table;
        this.constraint = constraint;
        this.column = column;
    }

    /** The table written, or {@code null} if unknown. */
    public String table() {
        return table;
    }

    /** The violated constraint's name (e.g. {@code ocean_waypoints_trajectory_id_fkey}), or {@code null}. */
    public String constraint() {
        return constraint;
    }

    /** The column named by PostgreSQL (for NOT NULL violations), or {@code null}. */
    public String column() {
        return column;
    }

    /** True for a unique or primary-key violation (23505). */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlState());
    }

    /** True for a foreign-key violation (23503). */
    public boolean isForeignKeyViolation() {
        return "23503".equals(sqlState());
    }

    /** True for a CHECK violation (23514). */
    public boolean isCheckViolation() {
        return "23514".equals(sqlState());
    }

    /** True for a NOT NULL violation (23502). */
    public boolean isNotNullViolation() {
        return "23502".equals(sqlState());
    }
}
