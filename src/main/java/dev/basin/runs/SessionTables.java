package dev.basin.runs;

import dev.basin.store.Table;
import java.util.List;

/** The table this package owns, declared once. */
public final class SessionTables {
    static final String OWNER = "runs";

    public static final Table<SessionRecord> SESSIONS = Table.of(SessionRecord.class, "sessions")
            .owner(OWNER).key("session_id").parent()
            .build();

    private SessionTables() {}

    public static List<Table<?>> all() {
        return List.of(SESSIONS);
    }
}
