package dev.basin.runs;

import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The table this package owns, declared once. */
public final class SessionTables {
    static final String OWNER = "runs";

    public static final Table<SessionRecord> SESSIONS = Table.<SessionRecord>named("sessions")
            .owner(OWNER).key("session_id").parent()
            .column("session_id", TEXT, SessionRecord::sessionId)
            .column("seed", BIGINT, SessionRecord::seed)
            .column("config", JSONB, SessionRecord::config)
            .column("status", TEXT, r -> r.status().sqlName())
            .column("started_at", TIMESTAMPTZ, SessionRecord::startedAt)
            .column("finished_at", TIMESTAMPTZ, SessionRecord::finishedAt)
            .column("metadata", JSONB, SessionRecord::metadata)
            .build();

    private SessionTables() {}

    public static List<Table<?>> all() {
        return List.of(SESSIONS);
    }
}
