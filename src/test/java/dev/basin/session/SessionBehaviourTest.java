package dev.basin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a session's kernels do, read from the rows a real (shortened) session stored: every row at its own simulated
 * time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionBehaviourTest {
    Store store;

    @BeforeAll
    void runSession() {
        store = TestDatabases.freshStore();
        TestSessions.run(store, 3, 6, 42L);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private record Timed(String kernel, Instant at, String what) {}

    private List<Timed> timed(String sql) {
        return store.jdbi().withHandle(h -> h.createQuery(sql)
                .map((rs, ctx) -> new Timed(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list());
    }

    /** Rows in the order written (the physical order of an insert-only table is not promised: ordered by time). */
    private static List<String> notStrictlyOrdered(List<Timed> rows) {
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Timed a = rows.get(i - 1);
            Timed b = rows.get(i);
            if (a.kernel().equals(b.kernel()) && !b.at().isAfter(a.at())) {
                bad.add(a + " then " + b);
            }
        }
        return bad;
    }

    @Test
    void emotionsAndThoughtsAreStrictlyOrderedInTimePerKernel() {
        List<Timed> emotions = timed("SELECT kernel_id, recorded_at, trigger FROM kernel_emotions ORDER BY kernel_id, recorded_at");
        List<Timed> thoughts = timed("SELECT kernel_id, created_at, event FROM kernel_thoughts ORDER BY kernel_id, created_at");
        assertThat(emotions).hasSizeGreaterThan(30);
        assertThat(thoughts).hasSizeGreaterThan(30);
        assertThat(notStrictlyOrdered(emotions)).isEmpty();
        assertThat(notStrictlyOrdered(thoughts)).isEmpty();
    }

    @Test
    void eachStepsEmotionCarriesThatStepsTime() {
        Set<String> arrivals = new HashSet<>();
        for (Timed w : timed("SELECT agent_id, arrived_at, '' FROM ocean_waypoints WHERE sequence > 1")) {
            arrivals.add(w.kernel() + "@" + w.at());
        }
        List<Timed> blockedEnds = timed("SELECT agent_id, completed_at, movement_reason FROM ocean_trajectories"
                + " WHERE status = 'blocked'");
        List<String> elsewhere = new ArrayList<>();
        List<Timed> emotions = timed("SELECT kernel_id, recorded_at, trigger FROM kernel_emotions WHERE trigger <> 'sleep'");
        for (Timed e : emotions) {
            boolean reaction = blockedEnds.stream().anyMatch(b -> b.kernel().equals(e.kernel())
                    && e.at().isAfter(b.at()) && !e.at().isAfter(b.at().plusSeconds(2)));
            if (!arrivals.contains(e.kernel() + "@" + e.at()) && !reaction) {
                elsewhere.add(e.toString());
            }
        }
        assertThat(emotions).isNotEmpty();
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void anArrivalThoughtCarriesTheArrivalTime() {
        List<String> off = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT t.thought_id || ' at ' || t.created_at || ', arrived ' || tr.completed_at
                FROM kernel_thoughts t JOIN ocean_trajectories tr ON tr.trajectory_id = t.related_id
                WHERE t.event = 'arrival' AND t.created_at <> tr.completed_at""").mapTo(String.class).list());
        long arrivals = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM kernel_thoughts WHERE event = 'arrival'").mapTo(Long.class).one());
        assertThat(arrivals).isPositive();
        assertThat(off).isEmpty();
    }

    @Test
    void aChildUsesAToolItInherited() {
        List<String> uses = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT f.kernel_id || ' ' || (tool->>'tool_id')
                FROM memory_fragments f
                CROSS JOIN LATERAL jsonb_array_elements(f.fragment_content->'tools') AS tool
                JOIN kernel_knowledge_transfers t ON t.target_kernel_id = f.kernel_id
                     AND t.knowledge_type = 'strategies'
                     AND t.knowledge_data->'items' @> jsonb_build_array(jsonb_build_object('tool_id', tool->>'tool_id'))
                WHERE f.fragment_type = 'procedural'""").mapTo(String.class).list());
        long inherited = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM kernel_knowledge_transfers WHERE knowledge_type = 'strategies'")
                .mapTo(Long.class).one());
        assertThat(inherited).as("strategies handed over").isPositive();
        assertThat(uses).as("successful uses of inherited tools by the child").isNotEmpty();
    }
}
