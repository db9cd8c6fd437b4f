package dev.basin.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The coverage of a database schema: per table row count, owner and newest write; per column NULL fraction, distinct
 * values and flags; and a summary. {@link #toJson} gives the documented JSON shape, {@link #toText} the human table.
 *
 * @param target where the data came from (password masked)
 * @param withOwners true for {@code basin report} (owners from the catalog), false for {@code basin audit}
 */
public record CoverageReport(String target, String schema, Instant generatedAt, boolean withOwners,
        List<TableStats> tables, CoverageSummary summary) {
    public CoverageReport {
        tables = List.copyOf(tables);
    }

    /** The table {@code name}, or null. */
    public TableStats table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * {@code {"tables":[{"name","rows","owner","parent","newestWrite","columns":[{"name","type","nullFraction",
     * "distinct","flags",["constantReason"]}]}],"summary":{"featureTablesPopulated","featureTablesTotal",…}}};
     * {@code owner} and {@code parent} only with owners.
     */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode ts = root.putArray("tables");
        for (TableStats t : tables) {
            ObjectNode o = ts.addObject();
            o.put("name", t.name());
            o.put("rows", t.rows());
            if (withOwners) {
                o.put("owner", t.owner());
                o.put("parent", t.parent());
            }
            o.put("newestWrite", t.newestWrite() == null ? null : t.newestWrite().toString());
            ArrayNode cs = o.putArray("columns");
            for (ColumnStats c : t.columns()) {
                ObjectNode co = cs.addObject();
                co.put("name", c.name());
                co.put("type", c.type());
                co.put("nullFraction", c.nullFraction());
                co.put("distinct", c.distinct());
                ArrayNode fl = co.putArray("flags");
                c.flags().forEach(f -> fl.add(f.name()));
                if (c.constantReason() != null) {
                    co.put("constantReason", c.constantReason());
                }
            }
        }
        ObjectNode s = root.putObject("summary");
        s.put("featureTablesPopulated", summary.featureTablesPopulated());
        s.put("featureTablesTotal", summary.featureTablesTotal());
        s.put("parentTablesPopulated", summary.parentTablesPopulated());
        s.put("parentTablesTotal", summary.parentTablesTotal());
        s.put("tablesPopulated", summary.tablesPopulated());
        s.put("tablesTotal", summary.tablesTotal());
        s.put("columnsWithoutFlag", summary.columnsWithoutFlag());
        s.put("columnsTotal", summary.columnsTotal());
        s.put("columnsConstantExplained", summary.columnsConstantExplained());
        root.put("schema", schema);
        root.put("target", target);
        root.put("generatedAt", generatedAt.toString());
        return root;
    }

    /** The human form: one line per table, then each flagged column of a populated table, then the summary. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(withOwners ? "Coverage report" : "Audit").append(" of ").append(target).append(", schema ")
                .append(schema).append('\n');
        int nameW = Math.max(5, tables.stream().mapToInt(t -> t.name().length()).max().orElse(5));
        String head = withOwners
                ? String.format(Locale.ROOT, "%-" + nameW + "s  %-10s %-6s %10s  %-24s %7s  %s%n", "TABLE", "OWNER", "KIND",
                        "ROWS", "NEWEST WRITE", "COLUMNS", "FLAGGED")
                : String.format(Locale.ROOT, "%-" + nameW + "s  %10s  %-24s %7s  %s%n", "TABLE", "ROWS", "NEWEST WRITE",
                        "COLUMNS", "FLAGGED");
        sb.append(head);
        for (TableStats t : tables) {
            long flagged = t.columns().stream().filter(c -> !c.clean()).count();
            String newest = t.newestWrite() == null ? "-" : t.newestWrite().toString();
            String flags = t.rows() == 0 ? "EMPTY_TABLE" : flagged + (flagged == 1 ? " column" : " columns");
            if (withOwners) {
                sb.append(String.format(Locale.ROOT, "%-" + nameW + "s  %-10s %-6s %10d  %-24s %7d  %s%n", t.name(),
                        t.owner() == null ? "?" : t.owner(), t.parent() ? "parent" : "feature", t.rows(), newest,
                        t.columns().size(), flags));
            } else {
                sb.append(String.format(Locale.ROOT, "%-" + nameW + "s  %10d  %-24s %7d  %s%n", t.name(), t.rows(),
                        newest, t.columns().size(), flags));
            }
        }
        boolean any = false;
        for (TableStats t : tables) {
            if (t.rows() == 0) {
                continue;
            }
            for (ColumnStats c : t.columns()) {
                if (c.clean()) {
                    continue;
                }
                if (!any) {
                    sb.append("\nFlagged columns of populated tables:\n");
                    any = true;
                }
                sb.append(String.format(Locale.ROOT, "  %-48s %-10s nulls %5.1f%%  distinct %d%s%n",
                        t.name() + "." + c.name(), String.join(",", c.flags().stream().map(Enum::name).toList()),
                        100 * c.nullFraction(), c.distinct(),
                        c.constantReason() == null ? "" : "  (constant because: " + c.constantReason() + ")"));
            }
        }
        sb.append('\n');
        if (withOwners) {
            sb.append(String.format(Locale.ROOT, "Feature tables populated %d/%d, parent tables populated %d/%d, "
                    + "columns without a flag %d/%d", summary.featureTablesPopulated(), summary.featureTablesTotal(),
                    summary.parentTablesPopulated(), summary.parentTablesTotal(), summary.columnsWithoutFlag(),
                    summary.columnsTotal()));
        } else {
            sb.append(String.format(Locale.ROOT, "Tables populated %d/%d, columns without a flag %d/%d",
                    summary.tablesPopulated(), summary.tablesTotal(), summary.columnsWithoutFlag(), summary.columnsTotal()));
        }
        if (summary.columnsConstantExplained() > 0) {
            sb.append(String.format(Locale.ROOT, " (%d more constant with a declared reason)",
                    summary.columnsConstantExplained()));
        }
        sb.append('\n');
        return sb.toString();
    }
}
