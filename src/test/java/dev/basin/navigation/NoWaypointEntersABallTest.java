package dev.basin.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import dev.basin.safety.EraExclusionRow;
import dev.basin.safety.ExcludedRegionRow;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.NewBarrier;
import dev.basin.safety.SafetyFixtures;
import dev.basin.safety.SafetyService;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: no stored waypoint enters a ball that applies to its agent. Over many seeded short sessions of one agent
 * (a few voyages each, with global, own and foreign barriers, own excluded regions and era exclusions placed on its
 * routes, and barriers of its own raised around it or just ahead of it while it travels, which merge with its earlier
 * ones), every step k → k+1 is checked against the stored rows as they held at the step's time t = arrival of k+1: a
 * barrier from {@code discovered_at} (strictly before t) until {@code deactivated_at}, an excluded region of the agent
 * from {@code created_at} until it expires or is deactivated, an era exclusion inside [start, end). The step enters a
 * ball when it ends inside and either started outside or ends closer to the centre. Stored rows are the evidence, so
 * a barrier whose ball changed after the fact (once a merge enlarged a barrier in place) fails this too.
 */
class NoWaypointEntersABallTest {
    static final int SESSIONS = 24;
    static final int VOYAGES = 4;
    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    static final Duration STEP = Duration.ofSeconds(1);

    static Store store;
    static SafetyService safety;
    static MutableClock clock;
    static int kernels;

    @BeforeAll
    static void open() {
        store = TestDatabases.freshStore();
        clock = new MutableClock(T0);
        safety = new SafetyService(store, clock);
    }

    @AfterAll
    static void close() {
        safety.close();
    }

    @Test
    void noWaypointEntersABallThatAppliesToItsAgent() {
        int[] raisedAround = {0};
        int steps = 0;
        int stepsInside = 0;
        int preventions = 0;
        int blocked = 0;
        for (long seed = 1; seed <= SESSIONS; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            String agent = kernel();
            String other = kernel();
            OceanAgent ocean = new OceanAgent(store, clock, safety, new GeodesicPlanner(store, clock),
                    AgentSettings.DEFAULTS);
            Basin here = SafetyFixtures.dirichlet(rnd, 2.0);
            List<String> trajectories = new ArrayList<>();
            for (int v = 0; v < VOYAGES; v++) {
                Basin target = SafetyFixtures.dirichlet(rnd, 2.0);
                placeBallsOnTheRoute(rnd, agent, other, here, target);
                Basin goal = target;
                StepObserver raiser = sample -> {
                    clock.set(sample.at());
                    double u = rnd.nextDouble();
                    if (u < 0.12) {
                        // a finding where the agent stands: it is inside its own new barrier
                        raise(rnd, agent, sample.basin());
                        raisedAround[0]++;
                    } else if (u < 0.2 && sample.distanceToTarget() > 0.1) {
                        // a finding just ahead on its way
                        raise(rnd, rnd.nextBoolean() ? agent : null,
                                FisherRao.pointAt(sample.basin(), goal, Math.min(1.0, 0.12 / sample.distanceToTarget())));
                    }
                };
                NavigationResult r = ocean.navigate(new NavigationRequest(agent, here, target,
                        MovementReason.EXPLORATION, 64.0, 0.05, 60, STEP), raiser);
                trajectories.add(r.trajectoryId());
                preventions += r.preventions();
                blocked += r.status() == TrajectoryStatus.BLOCKED ? 1 : 0;
                here = r.finalBasin();
                clock.set(clock.instant().plus(STEP.multipliedBy(r.steps() + 2)));
            }
            int[] counted = verify(seed, agent, trajectories);
            steps += counted[0];
            stepsInside += counted[1];
        }
        // the property was exercised: barriers rose around the agent, steps began inside balls, crossings were refused
        assertThat(raisedAround[0]).isGreaterThan(SESSIONS);
        assertThat(stepsInside).isGreaterThan(0);
        assertThat(preventions).isGreaterThan(0);
        assertThat(steps).isGreaterThan(SESSIONS * VOYAGES * 5);
        assertThat(blocked).isLessThan(SESSIONS * VOYAGES);
    }

    /** Barriers (own, global, another kernel's), an own excluded region and an era exclusion near the route. */
    private static void placeBallsOnTheRoute(SplittableRandom rnd, String agent, String other, Basin from, Basin to) {
        Instant now = clock.instant();
        for (int i = 0; i < 3; i++) {
            Basin c = FisherRao.pointAt(from, to, 0.2 + 0.6 * rnd.nextDouble());
            double radius = 0.03 + 0.12 * rnd.nextDouble();
            switch (rnd.nextInt(5)) {
                case 0 -> raise(rnd, agent, c);
                case 1 -> raise(rnd, null, c);
                case 2 -> raise(rnd, other, c);
                case 3 -> safety.createExcludedRegion(agent, c, radius, ExclusionReason.UNSAFE, 1,
                        rnd.nextBoolean() ? null : now.plusSeconds(5 + rnd.nextInt(30)), null);
                default -> safety.createEraExclusion(now.plusSeconds(rnd.nextInt(10)), now.plusSeconds(10 + rnd.nextInt(40)),
                        c, radius, "route test", null);
            }
        }
    }

    private static void raise(SplittableRandom rnd, String kernelId, Basin centre) {
        BarrierType type = BarrierType.values()[rnd.nextInt(BarrierType.values().length)];
        safety.createBarrier(new NewBarrier(kernelId, centre, 0.04 + 0.2 * rnd.nextDouble(), type, rnd.nextDouble(),
                "raised in a voyage test", null));
    }

    /** Checks every step of the agent's trajectories; returns {steps, steps that began inside an applicable ball}. */
    private static int[] verify(long seed, String agent, List<String> trajectories) {
        List<Ball> balls = balls(agent);
        NavigationQueries q = new NavigationQueries(store.jdbi());
        int steps = 0;
        int inside = 0;
        for (String id : trajectories) {
            List<WaypointRow> w = q.waypoints(id, 10_000, 0);
            for (int k = 0; k + 1 < w.size(); k++) {
                Basin a = w.get(k).basin();
                Basin b = w.get(k + 1).basin();
                Instant t = w.get(k + 1).arrivedAt();
                steps++;
                boolean began = false;
                for (Ball ball : balls) {
                    if (!ball.holdsAt(t)) {
                        continue;
                    }
                    double da = FisherRao.distance(a, ball.centre());
                    double db = FisherRao.distance(b, ball.centre());
                    began |= da < ball.radius();
                    boolean enters = db < ball.radius() && (da >= ball.radius() || db < da);
                    assertThat(enters).as("seed %d, trajectory %s, waypoint %d → %d at %s enters %s (d %.4f → %.4f, "
                            + "radius %.4f)", seed, id, k + 1, k + 2, t, ball.id(), da, db, ball.radius()).isFalse();
                }
                inside += began ? 1 : 0;
            }
        }
        return new int[] {steps, inside};
    }

    /** A stored ball that applies to the agent, with the interval in which it held. */
    record Ball(String id, Basin centre, double radius, Instant from, Instant until, Instant windowStart) {
        boolean holdsAt(Instant t) {
            return from.isBefore(t) && (until == null || t.isBefore(until))
                    && (windowStart == null || !t.isBefore(windowStart));
        }
    }

    private static List<Ball> balls(String agent) {
        List<Ball> out = new ArrayList<>();
        for (BarrierRow b : safety.queries().listBarriers(false, 10_000, 0)) {
            if (b.kernelId() == null || b.kernelId().equals(agent)) {
                out.add(new Ball(b.barrierId(), b.center(), b.radius(), b.discoveredAt(), b.deactivatedAt(), null));
            }
        }
        for (ExcludedRegionRow r : safety.queries().listRegions(agent, false, 10_000, 0)) {
            Instant until = r.expiresAt();
            if (r.deactivatedAt() != null && (until == null || r.deactivatedAt().isBefore(until))) {
                until = r.deactivatedAt();
            }
            out.add(new Ball(r.regionId(), r.center(), r.radius(), r.createdAt(), until, null));
        }
        for (EraExclusionRow e : safety.queries().listEras(false, 10_000, 0)) {
            out.add(new Ball(e.exclusionId(), e.center(), e.radius(), e.createdAt(), e.end(), e.start()));
        }
        return out;
    }

    private static String kernel() {
        return SafetyFixtures.kernel(store, String.format("%020x", 0xfe0000L + ++kernels));
    }

    /** A clock the test moves: to each step's time while a voyage runs, so rows raised then carry that time. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void set(Instant t) {
            if (t.isAfter(now)) {
                now = t;
            }
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
