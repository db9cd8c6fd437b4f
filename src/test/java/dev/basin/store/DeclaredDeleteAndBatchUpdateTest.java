package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basin.store.TestItems.Child;
import dev.basin.store.TestItems.Counter;
import dev.basin.store.TestItems.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Delete}, {@link Update#whereIn} and {@link Tx#updateBatch}: the declared writes that replace raw SQL. */
class DeclaredDeleteAndBatchUpdateTest {
    static Store store;
    final Random random = new Random(7);

    @BeforeAll
    static void open() {
        store = TestItems.freshStoreWithTables();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    List<String> items(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Item it = TestItems.item(Ids.next("it_"), random, store);
            store.insert(TestItems.ITEMS, it);
            ids.add(it.itemId());
        }
        return ids;
    }

    static Item read(String id) {
        return store.jdbi().withHandle(h -> StoreWriteTest.read(h, id)).orElseThrow();
    }

    static int batch(List<Update> updates) {
        return store.inTransaction(tx -> tx.updateBatch(updates));
    }

    static long count(String where, Object... args) {
        return store.jdbi().withHandle(h -> {
            var q = h.createQuery("SELECT count(*) FROM t_items WHERE " + where);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Long.class).one();
        });
    }

    @Test
    void deleteRemovesExactlyTheRowsItNamesAndCountsThem() {
        List<String> ids = items(5);
        int n = store.delete(Delete.from(TestItems.ITEMS).whereIn("item_id", ids.subList(0, 3)).whereNotNull("name"));
        assertThat(n).isEqualTo(3);
        assertThat(count("item_id = ANY(?)", (Object) ids.toArray(new String[0]))).isEqualTo(2);
        assertThat(store.delete(Delete.from(TestItems.ITEMS).whereIn("item_id", List.of()))).isZero();
        int inTx = store.inTransaction(tx -> tx.delete(Delete.from(TestItems.ITEMS).where("item_id", ids.get(3))));
        assertThat(inTx).isEqualTo(1);
        assertThat(store.delete(Delete.from(TestItems.ITEMS).where("item_id", ids.get(4)).whereNot("name", "x"))).isEqualTo(1);
        assertThat(count("item_id = ANY(?)", (Object) ids.toArray(new String[0]))).isZero();
    }

    @Test
    void deleteRefusesNoConditionUndeclaredColumnsAndSetsOfNonTextColumns() {
        assertThatThrownBy(() -> store.delete(Delete.from(TestItems.ITEMS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no where condition");
        assertThatThrownBy(() -> Delete.from(TestItems.ITEMS).where("nope", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t_items declares no column nope");
        assertThatThrownBy(() -> Delete.from(TestItems.ITEMS).whereIn("count", List.of("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whereIn takes text columns");
    }

    @Test
    void aDeleteThatBreaksAForeignKeyFailsAndNamesTheConstraint() {
        String id = items(1).get(0);
        store.insert(TestItems.CHILDREN, new Child(Ids.next("c_"), id, 1));
        assertThatThrownBy(() -> store.delete(Delete.from(TestItems.ITEMS).where("item_id", id)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).isEqualTo("t_children_item_id_fkey"));
        assertThat(count("item_id = ?", id)).isEqualTo(1);
    }

    @Test
    void updateWhereInUpdatesTheNamedRows() {
        List<String> ids = items(4);
        int n = store.update(Update.of(TestItems.ITEMS).set("name", "picked").whereIn("item_id", ids.subList(1, 3)));
        assertThat(n).isEqualTo(2);
        assertThat(count("name = 'picked' AND item_id = ANY(?)", (Object) ids.toArray(new String[0]))).isEqualTo(2);
    }

    @Test
    void aSetBasedBatchGivesEachRowItsOwnValuesExactly() {
        List<String> ids = items(6);
        double[] scores = {Math.PI, Double.MIN_VALUE, 1e308, 0.1 + 0.2, Math.nextUp(1.0), 4.9e-324};
        List<Update> updates = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Instant at = Instant.ofEpochSecond(1_800_000_000L + i, 123_456_000L * (i % 3));
            updates.add(Update.of(TestItems.ITEMS).set("score", scores[i]).set("at", at).set("big", i % 2 == 0 ? null : (long) -i)
                    .set("flag", i % 2 == 0).set("meta", store.json().createObjectNode().put("i", i).put("s", "'; \"x\""))
                    .increment("count", i + 1).where("item_id", ids.get(i)));
        }
        List<Item> before = ids.stream().map(id -> read(id)).toList();
        int n = batch(updates);
        assertThat(n).isEqualTo(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Item back = read(ids.get(i));
            assertThat(Double.doubleToRawLongBits(back.score())).isEqualTo(Double.doubleToRawLongBits(scores[i]));
            assertThat(back.at()).isEqualTo(Instant.ofEpochSecond(1_800_000_000L + i, 123_456_000L * (i % 3)));
            assertThat(back.big()).isEqualTo(i % 2 == 0 ? null : (long) -i);
            assertThat(back.flag()).isEqualTo(i % 2 == 0);
            assertThat(back.meta().get("i").asInt()).isEqualTo(i);
            assertThat(back.meta().get("s").asText()).isEqualTo("'; \"x\"");
            assertThat(back.count()).isEqualTo(before.get(i).count() + i + 1);
            assertThat(back.name()).isEqualTo(before.get(i).name());
        }
    }

    @Test
    void updatesOfTheSameRowInOneBatchApplyOneAfterTheOther() {
        String id = Ids.next("ctr_");
        store.insert(TestItems.COUNTERS, new Counter(id, 0, 0, null));
        List<Update> updates = List.of(
                Update.of(TestItems.COUNTERS).increment("hits", 1).expression("total", "total * 2 + 1").where("counter_id", id),
                Update.of(TestItems.COUNTERS).increment("hits", 2).expression("total", "total * 2 + 1").where("counter_id", id),
                Update.of(TestItems.COUNTERS).increment("hits", 3).expression("total", "total * 2 + 1").where("counter_id", id));
        assertThat(batch(updates)).isEqualTo(3);
        var row = store.jdbi().withHandle(h -> h.createQuery("SELECT hits, total FROM t_counters WHERE counter_id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row.get("hits")).isEqualTo(6L);
        assertThat(row.get("total")).isEqualTo(7.0);
    }

    @Test
    void aBatchOfUpdatesByASetOrWithoutKeysStillRunsEachUpdate() {
        List<String> ids = items(4);
        List<Update> byBasin = List.of(
                Update.of(TestItems.ITEMS).set("basin", TestItems.randomBasin(random)).where("item_id", ids.get(0)),
                Update.of(TestItems.ITEMS).set("basin", TestItems.randomBasin(random)).where("item_id", ids.get(1)));
        assertThat(batch(byBasin)).isEqualTo(2);
        List<Update> bySet = List.of(
                Update.of(TestItems.ITEMS).increment("count", 10).whereIn("item_id", ids.subList(2, 4)),
                Update.of(TestItems.ITEMS).increment("count", 10).whereIn("item_id", ids.subList(3, 4)));
        int before = read(ids.get(3)).count();
        assertThat(batch(bySet)).isEqualTo(3);
        assertThat(read(ids.get(3)).count()).isEqualTo(before + 20);
        assertThat(batch(List.of())).isZero();
    }

    @Test
    void updatesOfDifferentShapesAreRefusedBeforeAnyStatement() {
        List<String> ids = items(2);
        List<Update> mixed = List.of(
                Update.of(TestItems.ITEMS).set("name", "a").where("item_id", ids.get(0)),
                Update.of(TestItems.ITEMS).set("count", 1).where("item_id", ids.get(1)));
        assertThatThrownBy(() -> batch(mixed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one shape");
        assertThat(count("name = 'a' AND item_id = ?", ids.get(0))).isZero();
    }

    @Test
    void aConstraintBrokenByOneRowOfASetBasedBatchFailsTheUnitAndNamesTheConstraint() {
        List<String> ids = items(3);
        List<Update> updates = List.of(
                Update.of(TestItems.ITEMS).set("score", 1.0).where("item_id", ids.get(0)),
                Update.of(TestItems.ITEMS).set("score", -1.0).where("item_id", ids.get(1)),
                Update.of(TestItems.ITEMS).set("score", 2.0).where("item_id", ids.get(2)));
        assertThatThrownBy(() -> batch(updates))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.isCheckViolation()).isTrue())
                .hasMessageContaining("t_items_score_check");
        assertThat(count("score IN (1.0, 2.0) AND item_id = ANY(?)", (Object) ids.toArray(new String[0]))).isZero();
    }

    record Noted(String id, int n) {}

    static final Table<Noted> FED = Table.<Noted>named("t_fed").owner("testing").changeFeed("t_fed_feed").key("fed_id")
            .column("fed_id", ColumnType.TEXT, Noted::id)
            .column("n", ColumnType.INTEGER, Noted::n)
            .build();

    @Test
    void aBatchUpdateOfAChangeFeedTableStampsAndNotifiesAndItsRowsAreNeverDeleted() {
        store.jdbi().useHandle(h -> h.execute("CREATE TABLE t_fed (fed_id text PRIMARY KEY, n integer NOT NULL,"
                + " changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id())"));
        store.insertBatch(FED, List.of(new Noted("a", 1), new Noted("b", 2), new Noted("c", 3)));
        ChangeFeed feed = store.changeFeed();
        feed.read(c -> c.rows(FED, "fed_id", (rs, ctx) -> rs.getString(1)));
        try (ChangeListener listener = store.listen("t_fed_feed")) {
            listener.await(java.time.Duration.ofMillis(1));
            assertThat(batch(List.of(Update.of(FED).set("n", 10).where("fed_id", "a"),
                    Update.of(FED).set("n", 30).where("fed_id", "c")))).isEqualTo(2);
            int heard = 0;
            for (int i = 0; i < 50 && heard == 0; i++) {
                heard = listener.await(java.time.Duration.ofMillis(100));
            }
            assertThat(heard).as("notified on commit").isPositive();
        }
        List<Noted> changed = feed.read(c -> c.rows(FED, "fed_id, n", (rs, ctx) -> new Noted(rs.getString(1), rs.getInt(2))));
        assertThat(changed).containsExactlyInAnyOrder(new Noted("a", 10), new Noted("c", 30));
        assertThatThrownBy(() -> store.delete(Delete.from(FED).where("fed_id", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never deleted");
    }

    @Test
    void anInjectedFaultAtTheBatchOrTheDeleteLeavesNothing() {
        List<String> ids = items(3);
        store.faults().failStatement(1);
        assertThatThrownBy(() -> store.useTransaction(tx -> tx.updateBatch(List.of(
                Update.of(TestItems.ITEMS).set("name", "f").where("item_id", ids.get(0)),
                Update.of(TestItems.ITEMS).set("name", "f").where("item_id", ids.get(1))))))
                .isInstanceOf(FaultInjector.InjectedFault.class);
        store.faults().failStatement(2);
        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.update(Update.of(TestItems.ITEMS).set("name", "f").where("item_id", ids.get(2)));
            tx.delete(Delete.from(TestItems.ITEMS).whereIn("item_id", ids));
        })).isInstanceOf(FaultInjector.InjectedFault.class);
        assertThat(count("item_id = ANY(?) AND name <> 'f'", (Object) ids.toArray(new String[0]))).isEqualTo(3);
    }
}
