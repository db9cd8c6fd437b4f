package dev.basin.store;

import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change feed of a declared table: every write path stamps the rows with its transaction id and notifies the
 * channel when (and only when) it commits; a reader finds exactly the rows changed since its previous read, including
 * rows of a transaction that was already open, with an older stamp, when the previous read ran.
 */
class ChangeFeedTest {
    record Note(String noteId, int n) {}

    static final String CHANNEL = "t_notes_feed";
    static final Table<Note> NOTES = Table.<Note>named("t_notes").owner("testing").changeFeed(CHANNEL).key("note_id")
            .column("note_id", TEXT, Note::noteId)
            .column("n", INTEGER, Note::n)
            .build();
    static final Table<Note> PLAIN = Table.<Note>named("t_plain").owner("testing").key("note_id")
            .column("note_id", TEXT, Note::noteId)
            .column("n", INTEGER, Note::n)
            .build();

    static Store store;
    static ChangeListener listener;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore(b -> b.copyThreshold(50));
        store.jdbi().useHandle(h -> h.execute("""
                CREATE TABLE t_notes (note_id text PRIMARY KEY, n integer NOT NULL,
                                      changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id());
                CREATE INDEX t_notes_changed_idx ON t_notes (changed_xid);
                CREATE TABLE t_plain (note_id text PRIMARY KEY, n integer NOT NULL)"""));
        listener = store.listen(CHANNEL);
        assertThat(listener.await(Duration.ofMillis(1))).isZero();
    }

    @AfterAll
    static void close() {
        listener.close();
        store.close();
    }

    /** Notifications that arrive within {@code ms} (stops at the first quiet wait once one arrived). */
    static int notified(long ms) {
        int n = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < end) {
            int got = listener.await(Duration.ofMillis(n > 0 ? 100 : Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            if (got == 0 && n > 0) {
                break;
            }
            n += got;
        }
        return n;
    }

    static Map<String, Integer> read(ChangeFeed feed) {
        return feed.read(c -> {
            Map<String, Integer> m = new HashMap<>();
            for (Note x : c.rows(NOTES, "note_id, n", (rs, ctx) -> new Note(rs.getString(1), rs.getInt(2)))) {
                m.put(x.noteId(), x.n());
            }
            return m;
        });
    }

    static List<Note> notes(String prefix, int count) {
        List<Note> l = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            l.add(new Note(prefix + i, i));
        }
        return l;
    }

    @Test
    void everyWritePathStampsItsRowsAndNotifiesOnCommit() {
        ChangeFeed feed = store.changeFeed();
        read(feed);
        notified(200);

        store.insert(NOTES, new Note("ins", 1));
        assertThat(notified(5000)).as("insert notifies").isPositive();
        store.insertBatch(NOTES, notes("batch", 3));
        assertThat(notified(5000)).as("batch notifies").isPositive();
        store.insertBatch(NOTES, notes("big", 60));
        assertThat(notified(5000)).as("batch by COPY notifies").isPositive();
        store.copy(NOTES, notes("copy", 5));
        assertThat(notified(5000)).as("copy notifies").isPositive();
        assertThat(read(feed)).hasSize(1 + 3 + 60 + 5).containsEntry("ins", 1).containsEntry("copy4", 4);

        assertThat(store.update(Update.of(NOTES).set("n", 42).where("note_id", "batch1"))).isEqualTo(1);
        assertThat(notified(5000)).as("update notifies").isPositive();
        assertThat(store.upsert(NOTES, new Note("big7", 0), Upsert.on("note_id").increment("n", 100))).isFalse();
        assertThat(notified(5000)).as("upsert notifies").isPositive();
        assertThat(read(feed)).as("exactly the updated rows").containsOnly(Map.entry("batch1", 42), Map.entry("big7", 107));

        store.useTransaction(tx -> {
            tx.insert(NOTES, new Note("unit", 9));
            tx.update(Update.of(NOTES).increment("n", 1).where("note_id", "ins"));
        });
        assertThat(notified(5000)).as("unit of work notifies").isPositive();
        SharedWork<String, Integer> work = (tx, items) -> {
            List<Integer> out = new ArrayList<>();
            for (String id : items) {
                out.add(tx.update(Update.of(NOTES).set("n", -1).where("note_id", id)));
            }
            return out;
        };
        assertThat(store.inSharedTransaction(work, "copy0")).isEqualTo(1);
        assertThat(notified(5000)).as("shared work notifies").isPositive();
        assertThat(read(feed)).containsOnly(Map.entry("unit", 9), Map.entry("ins", 2), Map.entry("copy0", -1));
        assertThat(read(feed)).as("nothing changed since").isEmpty();

        store.insert(PLAIN, new Note("plain", 1));
        assertThat(notified(300)).as("a table without a change feed does not notify").isZero();
        assertThatThrownBy(() -> feed.read(c -> c.rows(PLAIN, "note_id", (rs, ctx) -> rs.getString(1))))
                .hasMessageContaining("t_plain has no change feed");
    }

    @Test
    void aRolledBackTransactionNeitherNotifiesNorShows() {
        ChangeFeed feed = store.changeFeed();
        read(feed);
        notified(200);
        assertThatThrownBy(() -> store.useTransaction(tx -> {
            tx.insert(NOTES, new Note("rolled", 1));
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");
        assertThat(notified(500)).isZero();
        assertThat(read(feed)).isEmpty();
    }

    /**
     * The defect of a time-window sync: a transaction stamped early that commits after readers have moved past its
     * stamp. Here it stays open while another transaction commits and the reader reads twice; after it commits, the
     * next read returns its row.
     */
    @Test
    void aTransactionCommittingAfterLaterStampedOnesIsStillRead() throws Exception {
        ChangeFeed feed = store.changeFeed();
        read(feed);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> store.useTransaction(tx -> {
            tx.insert(NOTES, new Note("late", 1));
            written.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
        store.insert(NOTES, new Note("early", 2));
        assertThat(read(feed)).containsOnlyKeys("early");
        store.update(Update.of(NOTES).set("n", 3).where("note_id", "early"));
        assertThat(read(feed)).containsOnlyKeys("early");
        release.countDown();
        late.get(30, TimeUnit.SECONDS);
        assertThat(read(feed)).containsOnlyKeys("late");
        assertThat(read(feed)).isEmpty();
        boolean older = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT (SELECT changed_xid FROM t_notes WHERE note_id = 'late') < (SELECT changed_xid FROM t_notes WHERE note_id = 'early')")
                .mapTo(Boolean.class).one());
        assertThat(older).as("the late row's stamp is older than the row read before it").isTrue();
    }

    @Test
    void aLostListeningConnectionIsReportedAndOpenedAgain() {
        ChangeListener own = store.listen(CHANNEL);
        try {
            assertThat(own.await(Duration.ofMillis(1))).isZero();
            int pid = own.backendPid();
            assertThat(pid).isPositive();
            store.jdbi().useHandle(h -> h.createQuery("SELECT pg_terminate_backend(:p)").bind("p", pid).mapTo(Boolean.class).one());
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    own.await(Duration.ofMillis(100));
                }
            }).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("database unavailable");
            assertThat(own.listening()).isFalse();
            own.await(Duration.ofMillis(1));
            assertThat(own.listening()).isTrue();
            assertThat(own.connects()).isEqualTo(2);
            store.insert(NOTES, new Note("after-loss", 1));
            int n = 0;
            for (int i = 0; i < 50 && n == 0; i++) {
                n = own.await(Duration.ofMillis(100));
            }
            assertThat(n).as("notifications arrive again").isPositive();
        } finally {
            own.close();
        }
        assertThatThrownBy(() -> own.await(Duration.ofMillis(1))).hasMessageContaining("closed");
    }
}
