package dev.basin.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * How PostgreSQL plans a read made through {@link Tx#handle()} or {@link Store#jdbi()}. By default the driver
 * prepares a statement on the server after a few executions, and PostgreSQL may then reuse a generic plan made once
 * for any parameters: for a set-based lookup ({@code = ANY(:ids)}, a join with {@code unnest}) made while a table was
 * small, that plan is a sequential scan, kept after the table grew. {@link #EACH_TIME} plans the statement for its
 * actual parameters and the table's current size on every execution instead. It applies to that one statement only:
 * nothing is set on the connection or the transaction, which other callers' statements may share.
 */
public final class Plans {
    /** Plans the statement at every execution (pgjdbc's unnamed statement: {@code prepareThreshold} 0). */
    public static final StatementCustomizer EACH_TIME = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
            stmt.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    };

    private Plans() {}
}
