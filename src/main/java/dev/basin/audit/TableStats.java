package dev.basin.audit;

import java.time.Instant;
import java.util.List;

/**
 * One table's coverage. {@code owner} is the owning feature from the table catalog (null in an audit or for an
 * undeclared table); {@code newestWrite} the latest value among its write-time columns (timestamps defaulting to
 * {@code now()}, and {@code updated_at}/{@code last_updated}), null if none or empty.
 */
public record TableStats(String name, long rows, String owner, boolean parent, Instant newestWrite,
        List<ColumnStats> columns) {
    public TableStats {
        columns = List.copyOf(columns);
    }

    public boolean populated() {
        return rows > 0;
    }
}
