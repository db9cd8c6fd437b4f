package dev.basin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Property over several seeded sessions, each in its own database (their kernels' ethics monitors raising barriers around them mid-voyage, rules
 * declaring unstable periods and contradictions): no stored step enters a ball that applied to its agent at the step's
 * time. A step k → k+1 arriving at t enters a ball when it ends inside and either started outside or ends closer to
 * the centre. Applying at t: a global or own barrier from {@code discovered_at} (strictly before t) until
 * {@code deactivated_at}; an own excluded region from {@code created_at} until it expires or is lifted; an era
 * exclusion created before t with t in [start, end).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSafetyPropertyTest {
    static final long[] SEEDS = {1L, 7L, 42L, 99L, 2026L, 31337L};
    final List<Store> stores = new ArrayList<>();

    private record Ball(String id, String owner, Basin centre, double radius, Instant from, Instant until) {
        boolean appliesTo(String agent, Instant t) {
            return (owner == null || owner.equals(agent)) && from.isBefore(t) && (until == null || until.isAfter(t));
        }
    }

    private record Step(String trajectory, String agent, int sequence, Basin at, Instant arrived) {}

    @BeforeAll
    void runSessions() {
        for (long seed : SEEDS) {
            Store store = TestDatabases.freshStore();
            stores.add(store);
            TestSessions.run(store, 2, 4, seed);
        }
    }

    @AfterAll
    void close() {
        stores.forEach(Store::close);
    }

    private static Basin basin(ResultSet rs, String col) throws SQLException {
        Array a = rs.getArray(col);
        Object[] v = (Object[]) a.getArray();
        double[] d = new double[v.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) v[i]).doubleValue();
        }
        return Basin.of(col, d);
    }

    private static Instant time(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static List<Ball> balls(Store store) {
        List<Ball> out = new ArrayList<>(store.jdbi().withHandle(h -> h.createQuery("SELECT barrier_id, kernel_id,"
                + " center_coordinates, radius_fr, discovered_at, deactivated_at FROM geometric_barriers")
                .map((rs, ctx) -> new Ball(rs.getString(1), rs.getString(2), basin(rs, "center_coordinates"),
                        rs.getDouble(4), time(rs, "discovered_at"), time(rs, "deactivated_at"))).list()));
        out.addAll(store.jdbi().withHandle(h -> h.createQuery("SELECT region_id, agent_id, center_coordinates, radius_fr,"
                + " created_at, expires_at, deactivated_at FROM ocean_excluded_regions")
                .map((rs, ctx) -> new Ball(rs.getString(1), rs.getString(2), basin(rs, "center_coordinates"),
                        rs.getDouble(4), time(rs, "created_at"), earlier(time(rs, "expires_at"),
                                time(rs, "deactivated_at")))).list()));
        out.addAll(store.jdbi().withHandle(h -> h.createQuery("SELECT exclusion_id, basin_center, exclusion_radius,"
                + " GREATEST(start_timestamp - interval '1 microsecond', created_at) AS from_t, end_timestamp"
                + " FROM era_exclusions")
                .map((rs, ctx) -> new Ball(rs.getString(1), null, basin(rs, "basin_center"), rs.getDouble(3),
                        time(rs, "from_t"), time(rs, "end_timestamp"))).list()));
        return out;
    }

    @Test
    void noStoredStepEntersABallThatAppliedToItsAgent() {
        int checked = 0;
        int balls = 0;
        List<String> entered = new ArrayList<>();
        for (Store store : stores) {
            checked += check(store, entered);
            balls += balls(store).size();
        }
        assertThat(checked).isGreaterThan(100 * SEEDS.length);
        assertThat(balls).as("balls over all sessions").isPositive();
        assertThat(entered).isEmpty();
    }

    /** Checks one session's stored steps (each session in its own database: era exclusions apply to everyone). */
    private static int check(Store store, List<String> entered) {
        List<Step> steps = store.jdbi().withHandle(h -> h.createQuery("SELECT trajectory_id, agent_id, sequence,"
                + " basin_coordinates, arrived_at FROM ocean_waypoints ORDER BY trajectory_id, sequence")
                .map((rs, ctx) -> new Step(rs.getString(1), rs.getString(2), rs.getInt(3),
                        basin(rs, "basin_coordinates"), time(rs, "arrived_at"))).list());
        List<Ball> balls = balls(store);
        int checked = 0;
        for (int i = 1; i < steps.size(); i++) {
            Step a = steps.get(i - 1);
            Step b = steps.get(i);
            if (!a.trajectory().equals(b.trajectory())) {
                continue;
            }
            checked++;
            for (Ball ball : balls) {
                if (!ball.appliesTo(b.agent(), b.arrived())) {
                    continue;
                }
                double after = FisherRao.distance(b.at(), ball.centre());
                double before = FisherRao.distance(a.at(), ball.centre());
                if (after < ball.radius() && (before >= ball.radius() || after < before)) {
                    entered.add(String.format("%s of %s step %d→%d at %s entered %s applying from %s (%.4f → %.4f,"
                            + " radius %.4f)", b.trajectory(), b.agent(), a.sequence(), b.sequence(), b.arrived(),
                            ball.id(), ball.from(), before, after, ball.radius()));
                }
            }
        }
        return checked;
    }
}
