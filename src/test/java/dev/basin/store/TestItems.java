package dev.basin.store;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.BOOLEAN;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.DOUBLE_ARRAY;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.PATH;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TEXT_ARRAY;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test-only tables covering every column type, created with plain DDL in a fresh database. */
final class TestItems {
    static final String DDL = """
            CREATE TABLE t_items (
              item_id text PRIMARY KEY,
              name text NOT NULL,
              count integer NOT NULL DEFAULT 0,
              big bigint,
              score double precision CHECK (score IS NULL OR score >= 0),
              flag boolean,
              at timestamptz NOT NULL DEFAULT now(),
              meta jsonb NOT NULL DEFAULT '{}',
              basin double precision[] CHECK (cardinality(basin) = 64),
              path double precision[],
              weights double precision[],
              tags text[]
            );
            CREATE TABLE t_children (
              child_id text PRIMARY KEY,
              item_id text NOT NULL REFERENCES t_items(item_id),
              n integer NOT NULL
            );
            CREATE TABLE t_counters (
              counter_id text PRIMARY KEY,
              hits bigint NOT NULL,
              total double precision NOT NULL,
              last_at timestamptz
            );
            """;

    record Item(String itemId, String name, int count, Long big, Double score, Boolean flag, Instant at,
            JsonNode meta, Basin basin, List<Basin> path, double[] weights, List<String> tags) {}

    record Child(String childId, String itemId, int n) {}

    record Counter(String counterId, long hits, double total, Instant lastAt) {}

    static final Table<Item> ITEMS = Table.<Item>named("t_items").owner("testing").key("item_id")
            .column("item_id", TEXT, Item::itemId)
            .column("name", TEXT, Item::name)
            .column("count", INTEGER, Item::count)
            .column("big", BIGINT, Item::big)
            .column("score", DOUBLE, Item::score)
            .column("flag", BOOLEAN, Item::flag)
            .column("at", TIMESTAMPTZ, Item::at)
            .column("meta", JSONB, Item::meta)
            .column("basin", BASIN, Item::basin)
            .column("path", PATH, Item::path)
            .column("weights", DOUBLE_ARRAY, Item::weights)
            .column("tags", TEXT_ARRAY, Item::tags)
            .build();

    static final Table<Child> CHILDREN = Table.<Child>named("t_children").owner("testing").key("child_id")
            .column("child_id", TEXT, Child::childId)
            .column("item_id", TEXT, Child::itemId)
            .column("n", INTEGER, Child::n)
            .build();

    static final Table<Counter> COUNTERS = Table.<Counter>named("t_counters").owner("testing").key("counter_id")
            .column("counter_id", TEXT, Counter::counterId)
            .column("hits", BIGINT, Counter::hits)
            .column("total", DOUBLE, Counter::total)
            .column("last_at", TIMESTAMPTZ, Counter::lastAt)
            .build();

    private TestItems() {}

    static Store freshStoreWithTables() {
        Store s = TestDatabases.freshStore();
        s.jdbi().useHandle(h -> h.createScript(DDL).execute());
        return s;
    }

    static Basin randomBasin(Random r) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1 - r.nextDouble());
        }
        return Basin.normalize(w);
    }

    static Item item(String id, Random r, Store s) {
        List<Basin> path = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            path.add(randomBasin(r));
        }
        return new Item(id, "name " + id + " 'quoted'; DROP TABLE t_items; --", r.nextInt(1000), r.nextLong(),
                r.nextDouble() * 1e-3 + Math.PI, r.nextBoolean(), Instant.ofEpochSecond(1_700_000_000L + r.nextInt(1000), r.nextInt(1_000_000) * 1000L),
                s.json().createObjectNode().put("x", r.nextDouble()).put("text", "ünïcødé"), randomBasin(r), path,
                new double[] {r.nextGaussian(), Double.MIN_VALUE, -0.0, 1e308}, List.of("a", "b c", "ü\"x\""));
    }
}
