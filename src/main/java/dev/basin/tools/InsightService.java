package dev.basin.tools;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.CoordizerService;
import dev.basin.geometry.Basin;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.knowledge.Avoidance;
import dev.basin.knowledge.DetectionMethod;
import dev.basin.knowledge.FalsePatternDraft;
import dev.basin.knowledge.FalsePatternRow;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.store.Ids;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Upsert;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lightning insights (see {@code docs/tools.md}). {@link #detect} fires when two domains resonate: d(a, b) &lt;
 * maxDistance and min(Φa, Φb) ≥ minPhi. The bridging basin is the geodesic midpoint of a and b; if it lies inside a
 * false pattern class the insight is not pursued (times_avoided + 1). confidence = (1 − d/maxDistance)·√(Φa·Φb).
 *
 * <p>{@link #recordOutcome} classifies ΔΦ = Φ_after − Φ_before: validated (ΔΦ ≥ θ), invalidated (ΔΦ ≤ −θ),
 * inconclusive otherwise; learning_value = w·(1 − exp(−|ΔΦ|/λ)), w = 1 when decided, ½ when inconclusive. An
 * invalidated outcome registers a false pattern class centred on the insight's basin with radius max(r_min, d(a,b)/2),
 * in the same unit of work as the outcome.
 *
 * <p>An insight's text names its bridging basin by its strongest topics under the current model ({@link BasinTopics}:
 * the resonating basins are kernels' positions among the current model's chunks), kept with the model id in
 * {@code metadata.topics}.
 */
public final class InsightService {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Store store;
    private final Clock clock;
    private final FalsePatternService falsePatterns;
    private final InsightConfig config;
    private final ToolQueries queries;
    private final CoordizerService coordizer;

    public InsightService(Store store, Clock clock, FalsePatternService falsePatterns) {
        this(store, clock, falsePatterns, InsightConfig.defaults());
    }

    public InsightService(Store store, Clock clock, FalsePatternService falsePatterns, InsightConfig config) {
        this(store, clock, falsePatterns, config, new CoordizerService(store, clock));
    }

    /** As above, with the coordizer whose current model names the bridging basins. */
    public InsightService(Store store, Clock clock, FalsePatternService falsePatterns, InsightConfig config,
            CoordizerService coordizer) {
        this.coordizer = Objects.requireNonNull(coordizer, "coordizer");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.falsePatterns = Objects.requireNonNull(falsePatterns, "falsePatterns");
        this.config = Objects.requireNonNull(config, "config");
        this.queries = new ToolQueries();
    }

    public InsightConfig config() {
        return config;
    }

    /** The resonance rule of {@link #detect}: closer than {@code maxDistance}, and both Φ at least the configured minimum. */
    public boolean resonates(DomainSignal a, DomainSignal b, double maxDistance) {
        return FisherRao.distance(a.basin(), b.basin()) < maxDistance && Math.min(a.phi(), b.phi()) >= config.minPhi();
    }

    /** The bridging basin of a resonance: the geodesic midpoint of the two signals' basins (a to b). */
    public static Basin bridge(DomainSignal a, DomainSignal b) {
        return FisherRao.pointAt(a.basin(), b.basin(), 0.5);
    }

    /** Checks {@code a} and {@code b} (different domains) for resonance on behalf of {@code kernelId}. */
    public Detection detect(String kernelId, DomainSignal a, DomainSignal b) {
        return detect(kernelId, a, b, config.maxDistance());
    }

    /**
     * As {@link #detect(String, DomainSignal, DomainSignal)} with the resonance distance decided by the caller (e.g.
     * measured on its corpus's basins) instead of the configured one; it is stored with the insight like the other.
     */
    public Detection detect(String kernelId, DomainSignal a, DomainSignal b, double maxDistance) {
        if (!(maxDistance > 0.0 && maxDistance <= Math.PI)) {
            throw new InvalidInputException("maxDistance", "must be in (0, π], is " + maxDistance);
        }
        if (kernelId == null || kernelId.isBlank()) {
            throw new InvalidInputException("kernelId", "must not be blank");
        }
        requirePresent("a", a);
        requirePresent("b", b);
        if (a.domain().equals(b.domain())) {
            throw new InvalidInputException("b.domain", "must differ from a.domain, both are " + a.domain());
        }
        if (!store.jdbi().withHandle(h -> Rows.kernelExists(h, kernelId))) {
            throw new UnknownIdException("kernelId", kernelId);
        }
        double d = FisherRao.distance(a.basin(), b.basin());
        double minPhi = Math.min(a.phi(), b.phi());
        if (!resonates(a, b, maxDistance)) {
            String why = d >= maxDistance
                    ? String.format(Locale.ROOT, "distance %.4f ≥ %.4f", d, maxDistance)
                    : String.format(Locale.ROOT, "min Φ %.4f < %.4f", minPhi, config.minPhi());
            return new Detection(Detection.Status.QUIET, d, Optional.empty(), Optional.empty(), why);
        }
        Basin bridge = bridge(a, b);
        double confidence = Math.max(0.0, Math.min(1.0, (1.0 - d / maxDistance) * Math.sqrt(a.phi() * b.phi())));
        Instant now = clock.instant();
        BasinTopics topics = coordizer.nameCurrent(bridge);
        String content = String.format(Locale.ROOT,
                "Resonance between %s and %s at distance %.4f (Φ %.3f and %.3f); the bridge: %s",
                a.domain(), b.domain(), d, a.phi(), b.phi(), topics.text());
        ObjectNode meta = JSON.objectNode().put("distance", d).put("phi_a", a.phi()).put("phi_b", b.phi())
                .put("max_distance", maxDistance).put("min_phi", config.minPhi());
        meta.set("topics", topics.json());
        InsightRow row = new InsightRow(Ids.next("ins_"), kernelId, List.of(a.domain(), b.domain()), bridge, confidence,
                content, now, meta);
        return store.inTransaction(tx -> {
            Optional<Avoidance> avoided = falsePatterns.isAvoided(tx, bridge);
            if (avoided.isPresent()) {
                return new Detection(Detection.Status.AVOIDED, d, Optional.empty(), avoided,
                        "bridging basin inside false pattern class " + avoided.get().pattern().patternId());
            }
            tx.insert(ToolsTables.INSIGHTS, row);
            return new Detection(Detection.Status.FIRED, d, Optional.of(row), Optional.empty(), content);
        });
    }

    public InsightRow insight(String insightId) {
        requireId(insightId);
        return store.jdbi().withHandle(h -> queries.insight(h, insightId))
                .orElseThrow(() -> new UnknownIdException("insightId", insightId));
    }

    public Optional<OutcomeRow> outcome(String insightId) {
        insight(insightId);
        return store.jdbi().withHandle(h -> queries.outcomeOf(h, insightId));
    }

    /** A page of the insights, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public List<InsightRow> insights(int limit, int offset) {
        return store.jdbi().withHandle(h -> queries.insights(h, limit, offset));
    }

    /** The recorded outcomes of {@code insights}, by insight id (an insight without one is absent). */
    public Map<String, OutcomeRow> outcomes(List<InsightRow> insights) {
        List<String> ids = insights.stream().map(InsightRow::insightId).toList();
        Map<String, OutcomeRow> out = new HashMap<>();
        if (!ids.isEmpty()) {
            store.jdbi().withHandle(h -> queries.outcomesOf(h, ids)).forEach(o -> out.put(o.insightId(), o));
        }
        return out;
    }

    /**
     * Records what acting on the insight did (Φ in [0,1], κ finite and ≥ 0). One outcome per insight: a second is
     * rejected. An invalidated outcome and its false pattern class commit together.
     */
    public OutcomeResult recordOutcome(String insightId, double phiBefore, double phiAfter, double kappaBefore,
            double kappaAfter) {
        requireId(insightId);
        unit("phiBefore", phiBefore);
        unit("phiAfter", phiAfter);
        kappa("kappaBefore", kappaBefore);
        kappa("kappaAfter", kappaAfter);
        InsightRow insight = insight(insightId);
        double dPhi = phiAfter - phiBefore;
        String type = dPhi >= config.phiThreshold() ? "validated" : dPhi <= -config.phiThreshold() ? "invalidated" : "inconclusive";
        double weight = type.equals("inconclusive") ? 0.5 : 1.0;
        double learning = weight * (1.0 - Math.exp(-Math.abs(dPhi) / config.learningScale()));
        Instant now = clock.instant();
        ObjectNode meta = JSON.objectNode().put("phi_before", phiBefore).put("phi_after", phiAfter)
                .put("kappa_before", kappaBefore).put("kappa_after", kappaAfter).put("phi_threshold", config.phiThreshold());
        OutcomeRow outcome = new OutcomeRow(Ids.next("liout_"), insightId, insight.kernelId(), type, type.equals("validated"), dPhi,
                kappaAfter - kappaBefore, learning, now, meta);
        return store.inTransaction(tx -> {
            if (!tx.upsert(ToolsTables.OUTCOMES, outcome, Upsert.on("insight_id", "kernel_id").doNothing())) {
                throw new ConflictException("insightId", "already has an outcome: " + insightId);
            }
            Optional<FalsePatternRow> cls = Optional.empty();
            if (type.equals("invalidated")) {
                cls = Optional.of(falsePatterns.register(tx, falseClass(insight, outcome, phiBefore, phiAfter)));
            }
            return new OutcomeResult(outcome, cls);
        });
    }

    private FalsePatternDraft falseClass(InsightRow insight, OutcomeRow outcome, double phiBefore, double phiAfter) {
        double resonance = insight.metadata() != null && insight.metadata().has("distance")
                ? insight.metadata().get("distance").asDouble() : 0.0;
        double radius = Math.min(Math.PI, Math.max(config.minFalseRadius(), resonance / 2.0));
        ArrayNode examples = JSON.arrayNode();
        ObjectNode ex = examples.addObject().put("insight_id", insight.insightId()).put("outcome_id", outcome.outcomeId())
                .put("phi_before", phiBefore).put("phi_after", phiAfter).put("confidence", insight.confidence());
        insight.domains().forEach(ex.putArray("domains")::add);
        String reason = String.format(Locale.ROOT, "acting on it lowered Φ by %.4f (%.4f → %.4f)", -outcome.phiChange(),
                phiBefore, phiAfter);
        return new FalsePatternDraft("Invalidated insight " + insight.insightId() + ": " + insight.content(), reason,
                DetectionMethod.OUTCOME_INVALIDATED, insight.basin(), radius, examples);
    }

    private static void requireId(String insightId) {
        if (insightId == null || insightId.isBlank()) {
            throw new InvalidInputException("insightId", "must not be blank");
        }
    }

    private static void unit(String field, double v) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new InvalidInputException(field, "must be in [0, 1], is " + v);
        }
    }

    private static void kappa(String field, double v) {
        if (!Double.isFinite(v) || v < 0.0) {
            throw new InvalidInputException(field, "must be finite and ≥ 0, is " + v);
        }
    }
}
