package dev.basin.cli;

import dev.basin.audit.CoverageReport;
import dev.basin.audit.DatabaseAuditor;
import dev.basin.store.Store;
import dev.basin.store.Table;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basin report}: the coverage report of Basin's own database (embedded by default). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Coverage report of Basin's database: for every table its rows, owning feature and newest write;",
                "for every column the NULL fraction, distinct values and flags EMPTY_TABLE, ALL_NULL, CONSTANT."})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Supplier<List<Table<?>>> catalog;

    public ReportCommand(Supplier<List<Table<?>>> catalog) {
        this.catalog = catalog;
    }

    public ReportCommand() {
        this(AllTables::list);
    }

    @Override
    public Integer call() throws Exception {
        try (Store store = db.open()) {
            store.register(catalog.get().toArray(new Table<?>[0]));
            CoverageReport report = DatabaseAuditor.report(store);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(store.json().writeValueAsString(report.toJson(store.json())));
            } else {
                out.print(report.toText());
            }
            out.flush();
        }
        return BasinCommand.EXIT_OK;
    }
}
