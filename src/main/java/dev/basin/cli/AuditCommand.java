package dev.basin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.audit.CoverageReport;
import dev.basin.audit.DatabaseAuditor;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.StoreUnavailableException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code basin audit --db URL}: the same table and column analysis on any PostgreSQL database, whatever its schema,
 * inside a read-only transaction. Runs no migration and writes nothing.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit any PostgreSQL database (read-only): empty tables, never-populated (ALL_NULL) and",
                "CONSTANT columns, per table rows and newest write. Needs --db (or BASIN_DB_URL)."})
public final class AuditCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--schema", paramLabel = "S", description = "Schema to audit (default: the connection's current schema, usually public).")
    String schema;

    @Option(names = "--json", description = "Print the audit as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StoreConfig config = db.toConfig();
        if (config.isEmbedded()) {
            throw new InvalidInputException("--db", "is required: audit reads an existing database (jdbc:postgresql://…)");
        }
        Properties props = new Properties();
        if (config.user() != null) {
            props.setProperty("user", config.user());
        }
        if (config.password() != null) {
            props.setProperty("password", config.password());
        }
        props.setProperty("ApplicationName", "basin-audit");
        props.setProperty("readOnly", "true");
        props.setProperty("connectTimeout", "10");
        String target = config.describeTarget();
        CoverageReport report;
        try (Connection c = DriverManager.getConnection(config.url(), props)) {
            c.setReadOnly(true);
            report = DatabaseAuditor.audit(c, schema, target);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot connect to " + target + ": " + e.getMessage(), e.getSQLState(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper m = Store.newObjectMapper();
            out.println(m.writeValueAsString(report.toJson(m)));
        } else {
            out.print(report.toText());
        }
        out.flush();
        return BasinCommand.EXIT_OK;
    }
}
