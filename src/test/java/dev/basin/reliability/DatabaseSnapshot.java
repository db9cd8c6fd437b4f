package dev.basin.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Every row of every table in the public schema (but Flyway's history), as a row count and an MD5 over the rows'
 * text in a fixed order. Two equal snapshots mean no row was inserted, updated or deleted in between.
 */
final class DatabaseSnapshot {
    private DatabaseSnapshot() {}

    static Map<String, String> of(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<String> tables = h.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema ="
                    + " 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY 1")
                    .mapTo(String.class).list();
            Map<String, String> out = new LinkedHashMap<>();
            for (String t : tables) {
                out.put(t, h.createQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY"
                        + " x::text)), '-') FROM \"" + t + "\" x").mapTo(String.class).one());
            }
            return out;
        });
    }
}
