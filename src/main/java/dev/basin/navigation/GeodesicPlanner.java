package dev.basin.navigation;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Curvature;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.GeometryRequest;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Plans moves along Fisher–Rao geodesics and keeps them in {@code geodesic_paths} (docs/navigation.md). Before
 * computing, it looks for a stored path whose endpoints both lie within ε of the requested ones and returns that
 * instead (counting the reuse). The lookup is a btree range on (start_key, end_key), where key(p) = ⟨√p, u⟩ with
 * u = (1/8, …, 1/8): |key(p) − key(q)| ≤ ‖√p − √q‖ = 2·sin(d(p,q)/4) ≤ d(p,q)/2, so every path within ε lies in the
 * key window ±(ε/2 + 10⁻¹²); the exact distances then decide.
 */
public final class GeodesicPlanner {
    /** Default reuse tolerance (Fisher–Rao). */
    public static final double DEFAULT_EPSILON = 1e-6;
    /** Largest accepted number of steps of one path: the geometry requests' limit. */
    public static final int MAX_STEPS = GeometryRequest.MAX_STEPS;
    private static final double KEY_SLACK = 1e-12;

    private final Store store;
    private final Clock clock;
    private final double epsilon;
    private final NavigationQueries queries;

    public GeodesicPlanner(Store store, Clock clock) {
        this(store, clock, DEFAULT_EPSILON);
    }

    public GeodesicPlanner(Store store, Clock clock, double epsilon) {
        if (!(epsilon >= 0.0 && epsilon < Math.PI)) {
            throw new InvalidInputException("epsilon", "must be in [0, π), is " + epsilon);
        }
        this.store = store;
        this.clock = clock;
        this.epsilon = epsilon;
        this.queries = new NavigationQueries(store.jdbi());
    }

    /** A planned path and whether it was reused from storage. */
    public record PlannedPath(GeodesicPathRow row, boolean reused) {
        public String pathId() {
            return row.pathId();
        }

        public List<Basin> points() {
            return row.path();
        }
    }

    /** key(p) = ⟨√p, u⟩ = Σ√pᵢ / 8, the btree key of a path endpoint. */
    public static double key(Basin p) {
        double s = 0.0;
        for (int i = 0; i < Basin.DIM; i++) {
            s += p.sqrt(i);
        }
        return s / 8.0;
    }

    /**
     * The geodesic from {@code from} to {@code to} in {@code steps} equal steps: a stored one whose endpoints are
     * within ε (its reuse_count incremented and last_used_at set), else computed and stored. {@code kernelIdOrNull}
     * and {@code reasonOrNull} are recorded on a new path.
     */
    public PlannedPath plan(String kernelIdOrNull, Basin from, Basin to, int steps, String reasonOrNull) {
        requirePresent("from", from);
        requirePresent("to", to);
        if (steps < 1 || steps > MAX_STEPS) {
            throw new InvalidInputException("steps", "must be in [1, " + MAX_STEPS + "], is " + steps);
        }
        if (kernelIdOrNull != null && (kernelIdOrNull.isBlank() || !queries.kernelExists(kernelIdOrNull))) {
            throw UnknownIdException.worded("kernelId", "is an unknown kernel: " + kernelIdOrNull);
        }
        if (reasonOrNull != null && (reasonOrNull.isBlank() || reasonOrNull.length() > 200)) {
            throw new InvalidInputException("reason", "must be 1 to 200 non-blank characters when given");
        }
        Optional<GeodesicPathRow> found = findReusable(from, to);
        Instant now = clock.instant();
        if (found.isPresent()) {
            GeodesicPathRow r = found.get();
            store.update(Update.of(NavigationTables.PATHS).increment("reuse_count", 1).set("last_used_at", now)
                    .where("path_id", r.pathId()));
            GeodesicPathRow used = new GeodesicPathRow(r.pathId(), r.kernelId(), r.start(), r.end(), r.startKey(),
                    r.endKey(), r.path(), r.distance(), r.numSteps(), r.curvatureMax(), r.reuseCount() + 1,
                    r.computedAt(), now, r.metadata());
            return new PlannedPath(used, true);
        }
        List<Basin> path = FisherRao.geodesic(from, to, steps);
        double d = FisherRao.distance(from, to);
        ObjectNode meta = store.json().createObjectNode()
                .put("reason", reasonOrNull == null ? "api" : reasonOrNull)
                .put("step_length", d / steps)
                .put("epsilon", epsilon);
        GeodesicPathRow row = new GeodesicPathRow(Ids.next("gp_"), kernelIdOrNull, from, to, key(from), key(to), path, d,
                steps, Curvature.max(path), 0, now, now, meta);
        store.insert(NavigationTables.PATHS, row);
        return new PlannedPath(row, false);
    }

    /**
     * Records that a path was travelled on plan {@code pathId} with largest discrete curvature {@code curvature}
     * (detours included): curvature_max becomes the largest of the stored polyline's and of every path travelled on it.
     */
    void travelled(dev.basin.store.Tx tx, String pathId, double curvature) {
        if (!(curvature >= 0.0) || Double.isInfinite(curvature)) {
            throw new InvalidInputException("curvature", "must be finite and ≥ 0, is " + curvature);
        }
        tx.update(Update.of(NavigationTables.PATHS)
                .expression("curvature_max", "GREATEST(curvature_max, " + curvature + "::double precision)")
                .where("path_id", pathId));
    }

    /** The oldest stored path whose start and end are within ε of {@code from} and {@code to}, if any. */
    public Optional<GeodesicPathRow> findReusable(Basin from, Basin to) {
        double h = epsilon / 2.0 + KEY_SLACK;
        double ks = key(from);
        double ke = key(to);
        for (GeodesicPathRow r : queries.pathsInKeyWindow(ks - h, ks + h, ke - h, ke + h)) {
            if (FisherRao.distance(r.start(), from) <= epsilon && FisherRao.distance(r.end(), to) <= epsilon) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Reads of the navigation tables. */
    public NavigationQueries queries() {
        return queries;
    }

    public double epsilon() {
        return epsilon;
    }
}
