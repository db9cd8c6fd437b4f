package dev.basin.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.store.TestItems.Child;
import dev.basin.store.TestItems.Counter;
import dev.basin.store.TestItems.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    static final int WRITERS = 32;
    static Store store;

    @BeforeAll
    static void open() {
        store = TestItems.freshStoreWithTables();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void thirtyTwoConcurrentWritersShareCommitsAndEveryAcknowledgedRowIsPresentOnce() throws Exception {
        int perWriter = 50;
        Store.WriteStats before = store.writeStats();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        runConcurrently(WRITERS, w -> {
            Random r = new Random(w);
            for (int i = 0; i < perWriter; i++) {
                Item it = TestItems.item(Ids.next("gc_"), r, store);
                store.insert(TestItems.ITEMS, it);
                acknowledged.add(it.itemId());
            }
        });
        assertThat(acknowledged).hasSize(WRITERS * perWriter);
        Map<String, Long> counts = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT item_id, count(*) AS n FROM t_items WHERE item_id LIKE 'gc\\_%' GROUP BY item_id")
                .reduceRows(new ConcurrentHashMap<String, Long>(), (m, rv) -> {
                    m.put(rv.getColumn("item_id", String.class), rv.getColumn("n", Long.class));
                    return m;
                }));
        assertThat(counts).hasSize(WRITERS * perWriter);
        assertThat(counts.values()).allMatch(n -> n == 1L);
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
        Store.WriteStats after = store.writeStats();
        long ops = after.operations() - before.operations();
        long commits = after.commits() - before.commits();
        assertThat(ops).isEqualTo(WRITERS * perWriter);
        assertThat(commits).as("commits shared between concurrent writers").isLessThan(ops);
    }

    @Test
    void aBadWriteInASharedCommitFailsAloneAndEveryOtherCallerIsCommitted() throws Exception {
        int perWriter = 25;
        Map<String, Throwable> outcome = new ConcurrentHashMap<>();
        List<String> good = java.util.Collections.synchronizedList(new ArrayList<>());
        runConcurrently(WRITERS, w -> {
            Random r = new Random(1000 + w);
            for (int i = 0; i < perWriter; i++) {
                boolean bad = (w * perWriter + i) % 17 == 0;
                String id = Ids.next("bad_");
                try {
                    if (bad) {
                        store.insert(TestItems.CHILDREN, new Child(id, "no-such-item", i));
                    } else {
                        store.insert(TestItems.ITEMS, TestItems.item(id, r, store));
                        good.add(id);
                    }
                } catch (ConstraintViolationException e) {
                    outcome.put(id, e);
                }
            }
        });
        long expectedBad = 0;
        for (int k = 0; k < WRITERS * perWriter; k++) {
            if (k % 17 == 0) {
                expectedBad++;
            }
        }
        assertThat(outcome).hasSize((int) expectedBad);
        assertThat(outcome.values()).allSatisfy(e -> assertThat(((ConstraintViolationException) e).constraint())
                .isEqualTo("t_children_item_id_fkey"));
        long present = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM t_items WHERE item_id = ANY(:ids)")
                .bindArray("ids", String.class, good).mapTo(Long.class).one());
        assertThat(present).isEqualTo(good.size());
        long badRows = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM t_children WHERE child_id LIKE 'bad\\_%'")
                .mapTo(Long.class).one());
        assertThat(badRows).isZero();
    }

    @Test
    void concurrentUpsertIncrementsAndUpdatesLoseNothing() throws Exception {
        String id = Ids.next("ctr_");
        int perWriter = 50;
        Upsert spec = Upsert.on("counter_id").increment("hits", 1).expression("total", "t.total + excluded.total");
        List<Boolean> inserted = java.util.Collections.synchronizedList(new ArrayList<>());
        runConcurrently(WRITERS, w -> {
            for (int i = 0; i < perWriter; i++) {
                inserted.add(store.upsert(TestItems.COUNTERS, new Counter(id, 1, 0.5, Instant.now()), spec));
            }
        });
        assertThat(inserted.stream().filter(b -> b).count()).isEqualTo(1);
        runConcurrently(WRITERS, w -> {
            for (int i = 0; i < perWriter; i++) {
                assertThat(store.update(Update.of(TestItems.COUNTERS).increment("hits", 2).where("counter_id", id))).isEqualTo(1);
            }
        });
        var row = store.jdbi().withHandle(h -> h.createQuery("SELECT hits, total FROM t_counters WHERE counter_id = :id")
                .bind("id", id).mapToMap().one());
        assertThat(row.get("hits")).isEqualTo((long) WRITERS * perWriter * 3);
        assertThat(row.get("total")).isEqualTo(WRITERS * perWriter * 0.5);
    }

    @Test
    void sharedWorkIsAtomicPerItemSharesCommitsAndIsReported() throws Exception {
        String counter = Ids.next("ctr_");
        store.insert(TestItems.COUNTERS, new Counter(counter, 0, 0.0, Instant.now()));
        int perWriter = 20;
        java.util.concurrent.atomic.AtomicLong heardOps = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong heardCommits = new java.util.concurrent.atomic.AtomicLong();
        CommitListener listener = (ops, nanos) -> {
            heardOps.addAndGet(ops);
            heardCommits.incrementAndGet();
            assertThat(nanos).isPositive();
        };
        store.addCommitListener(listener);
        Store.WriteStats before = store.writeStats();
        List<String> good = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger largest = new java.util.concurrent.atomic.AtomicInteger();
        // Every item counts a hit, inserts an item and its child; a bad item throws after its writes.
        SharedWork<Unit, Integer> work = (tx, units) -> {
            calls.incrementAndGet();
            largest.accumulateAndGet(units.size(), Math::max);
            List<Integer> out = new ArrayList<>();
            for (Unit u : units) {
                tx.update(Update.of(TestItems.COUNTERS).increment("hits", 1).where("counter_id", counter));
                tx.insert(TestItems.ITEMS, u.item());
                tx.insert(TestItems.CHILDREN, new Child(u.id() + "_c", u.id(), 1));
                if (u.bad()) {
                    throw new IllegalStateException("refused after writing: " + u.id());
                }
                out.add(tx.handle().createQuery("SELECT count(*) FROM t_children WHERE item_id = :id")
                        .bind("id", u.id()).mapTo(Integer.class).one());
            }
            return out;
        };
        try {
            runConcurrently(WRITERS, w -> {
                Random r = new Random(2000 + w);
                for (int i = 0; i < perWriter; i++) {
                    String id = Ids.next("su_");
                    boolean bad = (w * perWriter + i) % 13 == 0;
                    try {
                        int children = store.inSharedTransaction(work, new Unit(id, bad, TestItems.item(id, r, store)));
                        assertThat(children).isEqualTo(1);
                        good.add(id);
                    } catch (IllegalStateException e) {
                        assertThat(e).hasMessageContaining(id);
                        failed.add(id);
                    }
                }
            });
        } finally {
            store.removeCommitListener(listener);
        }
        assertThat(good.size() + failed.size()).isEqualTo(WRITERS * perWriter);
        assertThat(failed).isNotEmpty();
        long hits = store.jdbi().withHandle(h -> h.createQuery("SELECT hits FROM t_counters WHERE counter_id = :id")
                .bind("id", counter).mapTo(Long.class).one());
        assertThat(hits).as("only the units that returned counted").isEqualTo(good.size());
        long present = store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM t_items WHERE item_id = ANY(:ids)")
                .bindArray("ids", String.class, good).mapTo(Long.class).one());
        assertThat(present).isEqualTo(good.size());
        long leftovers = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT (SELECT count(*) FROM t_items WHERE item_id = ANY(:ids)) + (SELECT count(*) FROM t_children WHERE item_id = ANY(:ids))")
                .bindArray("ids", String.class, failed).mapTo(Long.class).one());
        assertThat(leftovers).as("rows of units that threw").isZero();
        Store.WriteStats after = store.writeStats();
        assertThat(after.operations() - before.operations()).isEqualTo(good.size());
        assertThat(after.commits() - before.commits()).as("units share commits").isLessThan(good.size());
        assertThat(heardOps.get()).isEqualTo(good.size());
        assertThat(heardCommits.get()).isEqualTo(after.commits() - before.commits());
        assertThat(largest.get()).as("items meeting in a transaction are given to one call").isGreaterThan(1);
    }

    record Unit(String id, boolean bad, Item item) {}

    @Test
    void withoutGroupCommitEveryWriteStillCommitsBeforeReturning() {
        try (Store direct = TestDatabases.freshStore(b -> b.groupCommit(false))) {
            direct.jdbi().useHandle(h -> h.createScript(TestItems.DDL).execute());
            Item it = TestItems.item(Ids.next("it_"), new Random(3), direct);
            direct.insert(TestItems.ITEMS, it);
            direct.insertBatch(TestItems.CHILDREN, List.of(new Child(Ids.next("c_"), it.itemId(), 1)));
            assertThat(direct.update(Update.of(TestItems.ITEMS).increment("count", 1).where("item_id", it.itemId()))).isEqualTo(1);
            assertThat(direct.writeStats().commits()).isZero();
        }
    }

    interface Work {
        void run(int writer) throws Exception;
    }

    static void runConcurrently(int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            int id = w;
            fs.add(pool.submit(() -> {
                start.await();
                work.run(id);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : fs) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}
