package dev.basin.navigation;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Space-time geodesics between two landmarks of a kernel (docs/navigation.md). The space-time metric is the product of
 * Fisher–Rao and time scaled by τ: spatial d = d(p₁, p₂), temporal Δ = (t₂ − t₁)/τ, distance √(d² + Δ²). The geodesic
 * of a product metric is the pair of geodesics: the basin geodesic with time linear in the same parameter, so point k
 * of n is (p(k/n), t₁ + (k/n)(t₂ − t₁)). n = clamp(⌈d / 0.05⌉, 2, 32). Regime transitions are the changes of regime
 * along from.regime, the observations in time order, to.regime.
 */
public final class TpsPathService {
    /** Default τ: seconds per unit of temporal distance. */
    public static final double DEFAULT_TAU_SECONDS = 60.0;
    /** Spacing (Fisher–Rao) of the stored waypoints, within [2, 32] points. */
    public static final double WAYPOINT_SPACING = 0.05;

    private final Store store;
    private final Clock clock;
    private final double tauSeconds;
    private final NavigationQueries queries;

    public TpsPathService(Store store, Clock clock) {
        this(store, clock, DEFAULT_TAU_SECONDS);
    }

    public TpsPathService(Store store, Clock clock, double tauSeconds) {
        if (!(tauSeconds > 0.0) || Double.isInfinite(tauSeconds)) {
            throw new InvalidInputException("tauSeconds", "must be positive and finite, is " + tauSeconds);
        }
        this.store = store;
        this.clock = clock;
        this.tauSeconds = tauSeconds;
        this.queries = new NavigationQueries(store.jdbi());
    }

    /** Links landmark {@code from} to the later landmark {@code to} of kernel {@code kernelId} and stores the path. */
    public TpsPathRow link(String kernelId, Landmark from, Landmark to, List<RegimeObservation> observations) {
        if (kernelId == null || kernelId.isBlank()) {
            throw new InvalidInputException("kernelId", "must not be blank");
        }
        validate("from", from);
        validate("to", to);
        if (from.checkpointId().equals(to.checkpointId())) {
            throw new InvalidInputException("to.checkpointId", "must differ from from.checkpointId: " + to.checkpointId());
        }
        if (to.time().isBefore(from.time())) {
            throw new InvalidInputException("to.time", "is before from.time: " + to.time() + " < " + from.time());
        }
        List<RegimeObservation> obs = observations == null ? List.of() : new ArrayList<>(observations);
        for (int i = 0; i < obs.size(); i++) {
            RegimeObservation o = obs.get(i);
            if (o == null || o.at() == null || o.regime() == null) {
                throw new InvalidInputException("observations[" + i + "]", "needs a time and a regime");
            }
            if (o.at().isBefore(from.time()) || o.at().isAfter(to.time())) {
                throw new InvalidInputException("observations[" + i + "].at", "must lie in [" + from.time() + ", "
                        + to.time() + "], is " + o.at());
            }
            if (!(o.kappaEff() >= 0.0) || Double.isInfinite(o.kappaEff())) {
                throw new InvalidInputException("observations[" + i + "].kappaEff", "must be finite and ≥ 0, is " + o.kappaEff());
            }
        }
        if (!queries.kernelExists(kernelId)) {
            throw UnknownIdException.worded("kernelId", "is an unknown kernel: " + kernelId);
        }
        for (Landmark l : List.of(from, to)) {
            if (!queries.checkpointOf(kernelId, l.checkpointId())) {
                throw new InvalidInputException(l == from ? "from.checkpointId" : "to.checkpointId",
                        "is not a checkpoint of kernel " + kernelId + ": " + l.checkpointId());
            }
        }
        obs.sort(Comparator.comparing(RegimeObservation::at));

        double spatial = FisherRao.distance(from.basin(), to.basin());
        long millis = Duration.between(from.time(), to.time()).toMillis();
        double temporal = millis / 1000.0 / tauSeconds;
        double spacetime = Math.hypot(spatial, temporal);
        int n = (int) Math.min(32, Math.max(2, Math.ceil(spatial / WAYPOINT_SPACING)));
        List<Basin> geodesic = FisherRao.geodesic(from.basin(), to.basin(), n);
        ArrayNode points = store.json().createArrayNode();
        for (int k = 0; k <= n; k++) {
            double tau = (double) k / n;
            Instant t = from.time().plusMillis(Math.round(tau * millis));
            ObjectNode p = points.addObject().put("t", t.toString()).put("tau", tau);
            ArrayNode b = p.putArray("basin");
            for (double v : geodesic.get(k).toArray()) {
                b.add(v);
            }
        }
        ArrayNode transitions = store.json().createArrayNode();
        Regime current = from.regime();
        for (RegimeObservation o : obs) {
            if (o.regime() != current) {
                transitions.addObject().put("at", o.at().toString()).put("from", current.sqlName())
                        .put("to", o.regime().sqlName()).put("kappa_eff", o.kappaEff());
                current = o.regime();
            }
        }
        if (to.regime() != current) {
            transitions.addObject().put("at", to.time().toString()).put("from", current.sqlName())
                    .put("to", to.regime().sqlName()).putNull("kappa_eff");
        }
        ObjectNode meta = store.json().createObjectNode().put("points", n + 1).put("from_regime", from.regime().sqlName())
                .put("to_regime", to.regime().sqlName()).put("observations", obs.size())
                .put("elapsed_seconds", millis / 1000.0);
        TpsPathRow row = new TpsPathRow(Ids.next("tps_"), kernelId, from.checkpointId(), to.checkpointId(), from.time(),
                to.time(), tauSeconds, spatial, temporal, spacetime, points, transitions, clock.instant(), meta);
        store.insert(NavigationTables.TPS_PATHS, row);
        return row;
    }

    private static void validate(String field, Landmark l) {
        requirePresent(field, l);
        if (l.checkpointId() == null || l.checkpointId().isBlank()) {
            throw new InvalidInputException(field + ".checkpointId", "must not be blank");
        }
        requirePresent(field + ".basin", l.basin());
        requirePresent(field + ".time", l.time());
        requirePresent(field + ".regime", l.regime());
    }
}
