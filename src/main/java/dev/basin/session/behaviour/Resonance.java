package dev.basin.session.behaviour;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.ThoughtEvent;
import dev.basin.navigation.MovementReason;
import dev.basin.rag.IndexedChunk;
import dev.basin.knowledge.DetectionMethod;
import dev.basin.knowledge.FalsePatternDraft;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.SafetyVerdict;
import dev.basin.safety.Violation;
import dev.basin.tools.Detection;
import dev.basin.tools.DomainSignal;
import dev.basin.tools.InsightService;
import dev.basin.tools.InsightRow;
import dev.basin.tools.OutcomeResult;
import dev.basin.tools.WorkTrace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-domain resonance at the end of each cycle: every pair of kernels whose latest targets lie in different
 * domains is checked (at most one insight per two living kernels per cycle, and at least {@value #MAX_FIRED}). The kernel with the higher Φ computes the
 * bridging point ({@link Procedures#BRIDGE}, through the tools it knows; a unit of work that succeeds when the insight
 * fires); a bridge inside a
 * forbidden ball becomes a false pattern class (barrier overlap) instead; otherwise the kernel with the lower Φ asks
 * for resonance, and a fired insight is thought about, that kernel checkpoints ({@code pre_navigation}) and
 * investigates the bridge, and the Φ change decides the outcome. An
 * invalidated insight (its false pattern class registered by the insight service) also orders the kernel away from
 * the bridge for a while and declares a short era exclusion there (a contradiction).
 */
public final class Resonance {
    private final KernelWork kit;
    /** The least number of insights a cycle may fire (more with more kernels: one per two). */
    public static final int MAX_FIRED = 2;
    /** Step budget of an investigation leg. */
    public static final int INVESTIGATION_STEPS = 30;
    /** Cycles an invalidated insight's kernel is ordered away from the bridge. */
    public static final int ORDER_CYCLES = 3;
    /** Cycles an invalidated insight's bridge is closed to everyone (an era exclusion). */
    public static final int CONTRADICTION_CYCLES = 2;

    private final KernelActions legs;
    /** Resonance distance of this session: {@link #radius(List)} of its chunks. */
    private final double maxDistance;

    public Resonance(KernelWork kit, KernelActions legs) {
        this.kit = kit;
        this.legs = legs;
        this.maxDistance = radius(kit.chunks);
    }

    /** Most chunk pairs {@link #radius} looks at (a deterministic stride beyond that). */
    public static final int RADIUS_PAIRS = 200_000;

    /**
     * The session's resonance distance, measured on its corpus (docs/session.md): the first quartile of the
     * Fisher–Rao distances between chunks of different domains. Two kernels in different domains resonate when they
     * are closer than three quarters of the cross-domain chunk pairs, whatever the scale of the coordizer's
     * distances; the insight service's configured distance when there are no such pairs.
     */
    public double radius(List<IndexedChunk> all) {
        long pairs = (long) all.size() * (all.size() - 1) / 2;
        long stride = Math.max(1, pairs / RADIUS_PAIRS);
        List<Double> cross = new java.util.ArrayList<>();
        long n = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (n++ % stride != 0 || all.get(i).domain().equals(all.get(j).domain())) {
                    continue;
                }
                cross.add(dev.basin.geometry.FisherRao.distance(all.get(i).basin(), all.get(j).basin()));
            }
        }
        if (cross.isEmpty()) {
            return kit.engine.insights().config().maxDistance();
        }
        java.util.Collections.sort(cross);
        double q = cross.get(cross.size() / 4);
        return q > 0.0 ? q : kit.engine.insights().config().maxDistance();
    }

    public void resonate(List<KernelLife> lives, int c) {
        int fired = 0;
        int cap = Math.max(MAX_FIRED, lives.size() / 2);
        for (int i = 0; i < lives.size() && fired < cap; i++) {
            for (int j = i + 1; j < lives.size() && fired < cap; j++) {
                KernelLife a = lives.get(i);
                KernelLife b = lives.get(j);
                if (a.asleep || b.asleep || a.retry != null || b.retry != null
                        || a.currentDomain.equals(b.currentDomain)) {
                    continue;
                }
                kit.checkCancelled.run();
                if (check(a, b)) {
                    fired++;
                }
            }
        }
    }

    /**
     * The kernel with less integration (Φ) investigates; the other computes the bridge — unless the pair resonates and
     * a known false class covers its bridge, which is then avoided without being worked out.
     */
    private boolean check(KernelLife x, KernelLife y) {
        KernelRow kx = kit.engine.kernels().get(x.kernelId);
        KernelRow ky = kit.engine.kernels().get(y.kernelId);
        boolean xLower = kx.state().phi() <= ky.state().phi();
        KernelLife a = xLower ? x : y;
        KernelLife b = xLower ? y : x;
        KernelRow ka = xLower ? kx : ky;
        KernelRow kb = xLower ? ky : kx;
        DomainSignal sa = new DomainSignal(a.currentDomain, ka.state().basin(), ka.state().phi());
        DomainSignal sb = new DomainSignal(b.currentDomain, kb.state().basin(), kb.state().phi());
        if (kit.engine.insights().resonates(sa, sb, maxDistance)
                && kit.engine.falsePatterns().isAvoided(InsightService.bridge(sa, sb)).isPresent()) {
            kit.tally.insightsAvoided++;
            return false;
        }
        WorkTrace work = new WorkTrace(b.kernelId, "bridge");
        work.bind("a", KernelActions.basinJson(kb.state().basin())).bind("b", KernelActions.basinJson(ka.state().basin()));
        kit.carryOut(b, work, Procedures.BRIDGE);
        Basin bridge = Basin.of("bridge", KernelActions.toArray(work.value("bridge")));
        kit.tick();
        if (unsafeBridge(a, b, bridge)) {
            kit.learn(b, work, kb.state().phi(), false);
            return false;
        }
        Detection d = kit.engine.insights().detect(a.kernelId, sa, sb, maxDistance);
        kit.learn(b, work, kb.state().phi(), d.status() == Detection.Status.FIRED);
        if (d.status() == Detection.Status.AVOIDED) {
            kit.tally.insightsAvoided++;
            return false;
        }
        if (d.status() != Detection.Status.FIRED) {
            return false;
        }
        InsightRow insight = d.insight().orElseThrow();
        kit.tally.insightsFired++;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("insight", insight.insightId());
        facts.put("domains", String.join(" ↔ ", insight.domains()));
        facts.put("confidence", insight.confidence());
        facts.put("phi", ka.state().phi());
        kit.tick();
        kit.engine.thoughts().think(ka, ThoughtEvent.INSIGHT_FIRED, insight.insightId(), facts, insight.basin());
        legs.checkpoint(a, CheckpointType.PRE_NAVIGATION);
        KernelActions.Leg leg = legs.travel(a, new Target(insight.basin(), insight.insightId(), a.currentDomain, null),
                MovementReason.INVESTIGATION, INVESTIGATION_STEPS);
        kit.tick();
        OutcomeResult out = kit.engine.insights().recordOutcome(insight.insightId(), leg.before().state().phi(),
                leg.after().state().phi(), leg.before().state().kappaEff(),
                leg.after().state().kappaEff());
        switch (out.outcome().outcomeType()) {
            case "validated" -> {
                kit.tally.insightsValidated++;
                kit.learned(a, "insight_validated", Map.of("insight_id", insight.insightId(), "outcome_id",
                        out.outcome().outcomeId(), "phi_change", out.outcome().phiChange()));
            }
            case "invalidated" -> kit.tally.insightsInvalidated++;
            default -> kit.tally.insightsInconclusive++;
        }
        if (out.falsePattern().isPresent()) {
            kit.tally.falsePatterns++;
            contradiction(a, insight, out);
        }
        return true;
    }

    /**
     * A bridge inside a forbidden ball cannot be pursued: unless a false class already covers it (then counted as
     * avoided), it becomes a false pattern class detected by barrier overlap.
     */
    private boolean unsafeBridge(KernelLife a, KernelLife b, Basin bridge) {
        SafetyVerdict v = kit.engine.safety().check(bridge, kit.clock.instant(), a.kernelId);
        if (v.safe()) {
            return false;
        }
        if (kit.engine.falsePatterns().isAvoided(bridge).isPresent()) {
            kit.tally.insightsAvoided++;
            return true;
        }
        Violation first = v.violations().get(0);
        ArrayNode examples = kit.json().createArrayNode();
        examples.addObject().put("kernel_a", a.kernelId).put("kernel_b", b.kernelId).put("domain_a", a.currentDomain)
                .put("domain_b", b.currentDomain).put("blocked_by", first.id()).put("table", first.table())
                .put("distance", first.distance()).put("radius", first.radius());
        kit.tick();
        kit.engine.falsePatterns().register(new FalsePatternDraft("Bridge between " + a.currentDomain + " and "
                + b.currentDomain + " inside " + first.table() + " " + first.id(),
                String.format(java.util.Locale.ROOT, "the bridging point lies %.4f from the centre of a forbidden ball"
                        + " of radius %.4f: %s", first.distance(), first.radius(), first.reason()),
                DetectionMethod.BARRIER_OVERLAP, bridge, Math.max(0.02, first.radius() - first.distance()), examples));
        kit.tally.falsePatterns++;
        return true;
    }

    /**
     * An invalidated insight (a contradiction): the kernel is ordered away from the bridge for {@value #ORDER_CYCLES}
     * cycles and the bridge is closed to everyone for {@value #CONTRADICTION_CYCLES} cycles, both over the false
     * pattern class's ball (centre and radius as the insight service registered them); the measured ΔΦ and the class in
     * the reason and metadata.
     */
    private void contradiction(KernelLife life, InsightRow insight, OutcomeResult out) {
        Instant now = kit.clock.instant();
        dev.basin.knowledge.FalsePatternRow fp = out.falsePattern().get();
        ObjectNode meta = kit.json().createObjectNode().put("kind", "contradiction").put("insight_id", insight.insightId())
                .put("outcome_id", out.outcome().outcomeId()).put("false_pattern_id", fp.patternId())
                .put("phi_change", out.outcome().phiChange()).put("class_radius", fp.radiusFr());
        kit.tick();
        kit.engine.safety().createExcludedRegion(life.kernelId, fp.signature(), fp.radiusFr(), ExclusionReason.ORDERED, 0,
                kit.span.after(now, ORDER_CYCLES), meta.deepCopy().put("rule",
                        "ordered away from an invalidated insight's bridge for " + ORDER_CYCLES + " cycles"));
        kit.tally.excludedRegions++;
        kit.engine.safety().createEraExclusion(now, kit.span.after(now, CONTRADICTION_CYCLES),
                fp.signature(), fp.radiusFr(), String.format(java.util.Locale.ROOT, "contradiction: insight %s was "
                        + "invalidated (ΔΦ %.4f); its bridge is closed for %d cycles over the false class %s (radius "
                        + "%.4f)", insight.insightId(), out.outcome().phiChange(), CONTRADICTION_CYCLES,
                        fp.patternId(), fp.radiusFr()), meta);
        kit.tally.eraExclusions++;
    }
}
