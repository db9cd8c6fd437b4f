package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.store.TestItems.Child;
import dev.basin.store.TestItems.Counter;
import dev.basin.store.TestItems.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreWriteTest {
    static Store store;
    final Random random = new Random(42);

    @BeforeAll
    static void open() {
        store = TestItems.freshStoreWithTables();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Optional<Item> read(String id) {
        return store.jdbi().withHandle(h -> read(h, id));
    }

    static Optional<Item> read(Handle h, String id) {
        return h.createQuery("SELECT * FROM t_items WHERE item_id = :id").bind("id", id)
                .map((rs, ctx) -> new Item(rs.getString("item_id"), rs.getString("name"), rs.getInt("count"),
                        (Long) rs.getObject("big"), (Double) rs.getObject("score"), (Boolean) rs.getObject("flag"),
                        ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, "at", ctx),
                        ctx.findColumnMapperFor(JsonNode.class).orElseThrow().map(rs, "meta", ctx),
                        ctx.findColumnMapperFor(Basin.class).orElseThrow().map(rs, "basin", ctx),
                        ctx.findColumnMapperFor(dev.basin.store.internal.Mappers.BASIN_LIST).orElseThrow().map(rs, "path", ctx),
                        ctx.findColumnMapperFor(double[].class).orElseThrow().map(rs, "weights", ctx),
                        ctx.findColumnMapperFor(dev.basin.store.internal.Mappers.STRING_LIST).orElseThrow().map(rs, "tags", ctx)))
                .findOne();
    }

    static void assertSame(Item actual, Item expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        for (int i = 0; i < Basin.DIM; i++) {
            assertThat(Double.doubleToRawLongBits(actual.basin().get(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.basin().get(i)));
        }
        assertThat(actual.weights()).containsExactly(expected.weights());
        assertThat(Double.doubleToRawLongBits(actual.weights()[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void insertRoundTripsEveryColumnTypeBitForBit() {
        Item it = TestItems.item(Ids.next("it_"), random, store);
        store.insert(TestItems.ITEMS, it);
        assertSame(read(it.itemId()).orElseThrow(), it);
    }

    @Test
    void nullsRoundTripInNullableColumns() {
        Item it = new Item(Ids.next("it_"), "n", 0, null, null, null, Instant.parse("2026-01-01T00:00:00Z"),
                store.json().createObjectNode(), null, null, null, null);
        store.insert(TestItems.ITEMS, it);
        Item back = read(it.itemId()).orElseThrow();
        assertThat(back.big()).isNull();
        assertThat(back.basin()).isNull();
        assertThat(back.path()).isNull();
        assertThat(back.tags()).isNull();
        assertThat(back.meta().isEmpty()).isTrue();
    }

    @Test
    void insertBatchAndTheCopyPathAboveTheThresholdRoundTrip() {
        List<Item> small = IntStream.range(0, 50).mapToObj(i -> TestItems.item(Ids.next("it_"), random, store)).toList();
        store.insertBatch(TestItems.ITEMS, small);
        List<Item> large = IntStream.range(0, 2500).mapToObj(i -> TestItems.item(Ids.next("it_"), random, store)).toList();
        store.insertBatch(TestItems.ITEMS, large);
        assertSame(read(small.get(17).itemId()).orElseThrow(), small.get(17));
        assertSame(read(large.get(2345).itemId()).orElseThrow(), large.get(2345));
        long n = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM t_items WHERE item_id = ANY(:ids)")
                .bindArray("ids", String.class, large.stream().map(Item::itemId).toList()).mapTo(Long.class).one());
        assertThat(n).isEqualTo(2500);
    }

    @Test
    void binaryCopyRoundTripsEveryColumnTypeBitForBit() {
        List<Item> rows = IntStream.range(0, 3000).mapToObj(i -> TestItems.item(Ids.next("it_"), random, store)).toList();
        long n = store.copy(TestItems.ITEMS, rows);
        assertThat(n).isEqualTo(3000);
        for (int i : new int[] {0, 1234, 2999}) {
            assertSame(read(rows.get(i).itemId()).orElseThrow(), rows.get(i));
        }
        Item withNulls = new Item(Ids.next("it_"), "copy nulls", 1, null, null, null, Instant.parse("1999-12-31T23:59:59.999999Z"),
                store.json().createObjectNode(), null, List.of(), new double[0], List.of());
        store.copy(TestItems.ITEMS, List.of(withNulls));
        Item back = read(withNulls.itemId()).orElseThrow();
        assertThat(back.at()).isEqualTo(withNulls.at());
        assertThat(back.path()).isEmpty();
        assertThat(back.weights()).isEmpty();
        assertThat(back.tags()).isEmpty();
    }

    @Test
    void upsertIncrementsAtomicallyAndReportsInsertion() {
        String id = Ids.next("ctr_");
        Upsert spec = Upsert.on("counter_id").increment("hits", 1).expression("total", "t.total + excluded.total")
                .set("last_at");
        assertThat(store.upsert(TestItems.COUNTERS, new Counter(id, 1, 0.5, Instant.EPOCH), spec)).isTrue();
        assertThat(store.upsert(TestItems.COUNTERS, new Counter(id, 1, 0.25, Instant.parse("2026-01-01T00:00:00Z")), spec)).isFalse();
        var row = store.jdbi().withHandle(h -> h.createQuery("SELECT hits, total, last_at FROM t_counters WHERE counter_id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row.get("hits")).isEqualTo(2L);
        assertThat(row.get("total")).isEqualTo(0.75);
        assertThat(store.upsert(TestItems.COUNTERS, new Counter(id, 9, 9, null), Upsert.on("counter_id").doNothing())).isFalse();
        assertThat(store.upsert(TestItems.COUNTERS, new Counter(Ids.next("ctr_"), 9, 9, null), Upsert.on("counter_id").doNothing())).isTrue();
    }

    @Test
    void upsertsOfTheSameKeyInOneTransactionReportInsertionOnce() {
        String id = Ids.next("ctr_");
        Upsert spec = Upsert.on("counter_id").increment("hits", 1);
        List<Boolean> inserted = store.inTransaction(tx -> List.of(
                tx.upsert(TestItems.COUNTERS, new Counter(id, 1, 0, null), spec),
                tx.upsert(TestItems.COUNTERS, new Counter(id, 1, 0, null), spec),
                tx.upsert(TestItems.COUNTERS, new Counter(id, 1, 0, null), spec)));
        assertThat(inserted).containsExactly(true, false, false);
    }

    @Test
    void updateSetsIncrementsAndCountsRows() {
        Item it = TestItems.item(Ids.next("it_"), random, store);
        store.insert(TestItems.ITEMS, it);
        int n = store.update(Update.of(TestItems.ITEMS).set("name", "renamed").increment("count", 5)
                .set("score", null).where("item_id", it.itemId()).where("name", it.name()));
        assertThat(n).isEqualTo(1);
        Item back = read(it.itemId()).orElseThrow();
        assertThat(back.name()).isEqualTo("renamed");
        assertThat(back.count()).isEqualTo(it.count() + 5);
        assertThat(back.score()).isNull();
        assertThat(store.update(Update.of(TestItems.ITEMS).set("name", "x").where("item_id", "missing"))).isZero();
    }

    @Test
    void updateRejectsUndeclaredColumnsAndMissingWhere() {
        assertThatThrownBy(() -> Update.of(TestItems.ITEMS).set("nope", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t_items declares no column nope");
        assertThatThrownBy(() -> store.update(Update.of(TestItems.ITEMS).set("name", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no where condition");
    }

    @Test
    void wrongJavaTypeIsRejectedBeforeAnyStatementNamingTheColumn() {
        Table<String> bad = Table.<String>named("t_children").owner("testing").key("child_id")
                .column("child_id", ColumnType.TEXT, s -> s)
                .column("n", ColumnType.INTEGER, s -> "not a number")
                .build();
        assertThatThrownBy(() -> store.insert(bad, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t_children.n").hasMessageContaining("expects Integer");
    }

    @Test
    void constraintViolationsNameTheConstraint() {
        Item it = TestItems.item(Ids.next("it_"), random, store);
        store.insert(TestItems.ITEMS, it);
        assertThatThrownBy(() -> store.insert(TestItems.ITEMS, it))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.isUniqueViolation()).isTrue();
                    assertThat(e.constraint()).isEqualTo("t_items_pkey");
                    assertThat(e.table()).isEqualTo("t_items");
                    assertThat(e.sqlState()).isEqualTo("23505");
                });
        assertThatThrownBy(() -> store.insert(TestItems.CHILDREN, new Child(Ids.next("c_"), "missing", 1)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("t_children_item_id_fkey"));
        Item negative = new Item(Ids.next("it_"), "neg", 0, null, -1.0, null, Instant.EPOCH,
                store.json().createObjectNode(), null, null, null, null);
        assertThatThrownBy(() -> store.insert(TestItems.ITEMS, negative))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.isCheckViolation()).isTrue();
                    assertThat(e.getMessage()).contains("t_items_score_check");
                });
        Item noName = new Item(Ids.next("it_"), null, 0, null, null, null, Instant.EPOCH,
                store.json().createObjectNode(), null, null, null, null);
        assertThatThrownBy(() -> store.insert(TestItems.ITEMS, noName))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.isNotNullViolation()).isTrue();
                    assertThat(e.column()).isEqualTo("name");
                });
        assertThatThrownBy(() -> store.copy(TestItems.ITEMS, List.of(it)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("t_items_pkey");
    }

    @Test
    void aFailingUnitOfWorkLeavesNoRowInAnyTable() {
        String parent = Ids.next("it_");
        String child = Ids.next("c_");
        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.insert(TestItems.ITEMS, TestItems.item(parent, random, store));
            tx.insert(TestItems.CHILDREN, new Child(child, parent, 1));
            tx.insert(TestItems.CHILDREN, new Child(Ids.next("c_"), "missing", 2));
        })).isInstanceOf(ConstraintViolationException.class);
        assertThat(read(parent)).isEmpty();
        assertThat(count("t_children", "child_id", child)).isZero();

        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.insert(TestItems.ITEMS, TestItems.item(parent, random, store));
            throw new IllegalStateException("feature failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("feature failed");
        assertThat(read(parent)).isEmpty();
    }

    @Test
    void injectedFaultsAtEveryStatementLeaveNothing() {
        for (int step = 1; step <= 4; step++) {
            String parent = Ids.next("it_");
            store.faults().failStatement(step);
            assertThatThrownBy(() -> store.useTransaction(tx -> {
                tx.insert(TestItems.ITEMS, TestItems.item(parent, random, store));
                tx.handle().createQuery("SELECT 1 FROM t_items WHERE item_id = :id FOR UPDATE").bind("id", parent).mapTo(Integer.class).one();
                tx.insert(TestItems.CHILDREN, new Child(Ids.next("c_"), parent, 1));
                tx.update(Update.of(TestItems.ITEMS).increment("count", 1).where("item_id", parent));
            })).isInstanceOf(FaultInjector.InjectedFault.class);
            assertThat(read(parent)).as("step %d", step).isEmpty();
            assertThat(count("t_children", "item_id", parent)).isZero();
        }
        assertThat(store.faults().armed()).isFalse();
        String ok = Ids.next("it_");
        store.useTransaction(tx -> tx.insert(TestItems.ITEMS, TestItems.item(ok, random, store)));
        assertThat(read(ok)).isPresent();
    }

    @Test
    void inTransactionSeesItsOwnWritesAndReturnsAValue() {
        String id = Ids.next("it_");
        Item it = TestItems.item(id, random, store);
        Item seen = store.inTransaction(tx -> {
            tx.insert(TestItems.ITEMS, it);
            tx.insertBatch(TestItems.CHILDREN, List.of(new Child(Ids.next("c_"), id, 1), new Child(Ids.next("c_"), id, 2)));
            return read(tx.handle(), id).orElseThrow();
        });
        assertSame(seen, it);
        assertThat(count("t_children", "item_id", id)).isEqualTo(2);
    }

    @Test
    void aConstraintCheckedAtCommitFailsOnlyItsOwnWrite() throws Exception {
        store.jdbi().useHandle(h -> h.execute("CREATE TABLE IF NOT EXISTS t_deferred (child_id text PRIMARY KEY,"
                + " item_id text NOT NULL REFERENCES t_items(item_id) DEFERRABLE INITIALLY DEFERRED, n integer NOT NULL)"));
        Table<Child> deferred = Table.<Child>named("t_deferred").owner("testing").key("child_id")
                .column("child_id", ColumnType.TEXT, Child::childId)
                .column("item_id", ColumnType.TEXT, Child::itemId)
                .column("n", ColumnType.INTEGER, Child::n)
                .build();
        assertThatThrownBy(() -> store.useTransaction(tx -> tx.insert(deferred, new Child(Ids.next("d_"), "missing", 1))))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("t_deferred_item_id_fkey"));
        Item parent = TestItems.item(Ids.next("it_"), random, store);
        store.insert(TestItems.ITEMS, parent);
        java.util.List<String> ok = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<Throwable> failed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        GroupCommitTest.runConcurrently(16, w -> {
            String id = Ids.next("d_");
            try {
                store.insert(deferred, new Child(id, w == 3 ? "missing" : parent.itemId(), w));
                ok.add(id);
            } catch (ConstraintViolationException e) {
                failed.add(e);
            }
        });
        assertThat(failed).hasSize(1);
        assertThat(ok).hasSize(15);
        assertThat(count("t_deferred", "item_id", parent.itemId())).isEqualTo(15);
    }

    static long count(String table, String column, String value) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = :v")
                .bind("v", value).mapTo(Long.class).one());
    }

}
