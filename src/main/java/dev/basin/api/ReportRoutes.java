package dev.basin.api;

import dev.basin.audit.ColumnStats;
import dev.basin.audit.CoverageReport;
import dev.basin.audit.DatabaseAuditor;
import dev.basin.audit.TableStats;
import dev.basin.store.Store;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/report}: the coverage report, the same JSON as {@code basin report --json}. Also gives the
 * dashboard its per-table flags (computed at most every {@value #FLAGS_TTL_MS} ms: the report reads every column).
 */
final class ReportRoutes {
    static final long FLAGS_TTL_MS = 10_000;

    private final Store store;
    private volatile Map<String, List<String>> flags = Map.of();
    private volatile long flagsAt;

    ReportRoutes(Store store) {
        this.store = store;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/report", ctx -> ctx.json(DatabaseAuditor.report(store).toJson(store.json())));
    }

    /** Per table: EMPTY, or ALL_NULL:column and CONSTANT:column for each flagged column (explained constants left out). */
    Map<String, List<String>> flags() {
        long now = System.currentTimeMillis();
        if (now - flagsAt > FLAGS_TTL_MS) {
            CoverageReport report = DatabaseAuditor.report(store);
            Map<String, List<String>> m = new LinkedHashMap<>();
            for (TableStats t : report.tables()) {
                List<String> f = new ArrayList<>();
                if (!t.populated()) {
                    f.add("EMPTY");
                } else {
                    for (ColumnStats c : t.columns()) {
                        if (!c.explainedConstant()) {
                            c.flags().forEach(flag -> f.add(flag.name() + ":" + c.name()));
                        }
                    }
                }
                m.put(t.name(), f);
            }
            flags = m;
            flagsAt = now;
        }
        return flags;
    }
}
