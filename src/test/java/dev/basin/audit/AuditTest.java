package dev.basin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.cli.BasinCommand;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The audit on a database and schema it has never seen, with types that have no equality operator. */
class AuditTest {
    static String url;

    @BeforeAll
    static void create() throws Exception {
        url = TestDatabases.emptyDatabaseUrl();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE SCHEMA legacy;
                    CREATE TYPE legacy.mood AS ENUM ('calm', 'storm');
                    CREATE TYPE legacy.pair AS (a int, b text);
                    CREATE TABLE legacy.orders (
                      id serial PRIMARY KEY, customer text, notes text, payload json, loc point, doc xml,
                      mood legacy.mood, pair legacy.pair, tags int[], created_at timestamptz DEFAULT now(),
                      "Odd ""Name""\" text);
                    CREATE TABLE legacy.never_used (id int, label text);
                    INSERT INTO legacy.orders (customer, notes, payload, loc, doc, mood, pair, tags, "Odd ""Name""\")
                    VALUES ('ann', NULL, '{"a":1}', '(1,2)', '<x/>', 'calm', ROW(1, 'x'), '{1,2}', 'k'),
                           ('bob', NULL, '{"a":1}', '(1,2)', '<x/>', 'storm', ROW(2, 'y'), '{1,2}', 'k'),
                           ('cid', NULL, '{"a":2}', '(3,4)', '<y/>', 'calm', ROW(1, 'x'), '{3}', 'k');
                    CREATE TABLE public.other (id int);
                    """);
        }
    }

    @AfterAll
    static void drop() {
        TestDatabases.drop(url);
    }

    @Test
    void findsEmptyTablesNeverPopulatedAndConstantColumnsOfAForeignSchema() throws Exception {
        CoverageReport r;
        try (Connection c = DriverManager.getConnection(url)) {
            r = DatabaseAuditor.audit(c, "legacy", "test");
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(r.tables()).extracting(TableStats::name).containsExactly("never_used", "orders");
        TableStats orders = r.table("orders");
        assertThat(orders.rows()).isEqualTo(3);
        assertThat(orders.owner()).isNull();
        assertThat(orders.newestWrite()).isNotNull();
        assertThat(flags(orders, "notes")).containsExactly(Flag.ALL_NULL);
        assertThat(flags(orders, "Odd \"Name\"")).containsExactly(Flag.CONSTANT);
        assertThat(flags(orders, "customer")).isEmpty();
        assertThat(column(orders, "payload").distinct()).isEqualTo(2);
        assertThat(column(orders, "loc").distinct()).isEqualTo(2);
        assertThat(column(orders, "doc").distinct()).isEqualTo(2);
        assertThat(column(orders, "mood").distinct()).isEqualTo(2);
        assertThat(column(orders, "pair").distinct()).isEqualTo(2);
        assertThat(column(orders, "tags").distinct()).isEqualTo(2);
        assertThat(r.table("never_used").columns()).allSatisfy(c -> assertThat(c.flags()).containsExactly(Flag.EMPTY_TABLE));
        assertThat(r.summary().featureTablesTotal()).isEqualTo(2);
        assertThat(r.summary().featureTablesPopulated()).isEqualTo(1);
    }

    @Test
    void cliAuditPrintsTheJsonShapeWithoutOwners() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BasinCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("audit", "--db", url, "--schema", "legacy", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = Store.newObjectMapper().readTree(out.toString());
        JsonNode t = json.get("tables").get(0);
        assertThat(t.get("name").asText()).isEqualTo("never_used");
        assertThat(t.get("rows").asLong()).isZero();
        assertThat(t.has("owner")).isFalse();
        assertThat(t.get("columns").get(0).get("flags").get(0).asText()).isEqualTo("EMPTY_TABLE");
        assertThat(t.get("columns").get(0).get("nullFraction").asDouble()).isZero();
        assertThat(json.get("summary").get("featureTablesTotal").asInt()).isEqualTo(2);
    }

    @Test
    void cliAuditHumanFormAndBadUsage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BasinCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("audit", "--db", url)).isZero();
        assertThat(out.toString()).contains("other").contains("EMPTY_TABLE").contains("Tables populated 0/1");

        StringWriter err2 = new StringWriter();
        CommandLine cli2 = BasinCommand.commandLine();
        cli2.setErr(new PrintWriter(err2));
        assertThat(cli2.execute("audit", "--db", url, "--schema", "nope")).isEqualTo(2);
        assertThat(err2.toString()).contains("schema does not exist: nope");
    }

    static ColumnStats column(TableStats t, String name) {
        return t.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static java.util.List<Flag> flags(TableStats t, String name) {
        return column(t, name).flags();
    }
}
