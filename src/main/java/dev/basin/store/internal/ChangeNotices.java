package dev.basin.store.internal;

import dev.basin.store.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change-feed notifications one transaction owes: one {@code pg_notify(channel, table)} per table with a change
 * feed that it wrote, sent just before COMMIT on the transaction's own connection, so PostgreSQL delivers them when,
 * and only if, the transaction commits.
 */
public final class ChangeNotices {
    private final Map<String, String> tables = new LinkedHashMap<>();

    /** Notes a write of {@code table} (nothing for a table without a change feed). */
    public void wrote(Table<?> table) {
        if (table.changeFeed() != null) {
            tables.putIfAbsent(table.name(), table.changeFeed());
        }
    }

    /** Queues the notifications in the transaction open on {@code c}; forgets them. */
    public void send(Connection c) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            for (Map.Entry<String, String> e : tables.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey());
                ps.execute();
            }
        }
        tables.clear();
    }
}
