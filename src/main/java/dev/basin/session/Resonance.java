package dev.basin.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.BasinEngine;
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
final class Resonance extends KernelEvents {
    /** The least number of insights a cycle may fire (more with more kernels: one per two). */
    static final int MAX_FIRED = 2;
    /** Step budget of an investigation leg. */
    static final int INVESTIGATION_STEPS = 30;

    private final KernelActions legs;

    Resonance(BasinEngine engine, SimClock clock, Tally tally, List<IndexedChunk> chunks, List<String> domains, Runnable checkCancelled, KernelActions legs) {
        super(engine, clock, tally, chunks, domains, checkCancelled);
        this.legs = legs;
    }

    void resonate(List<KernelLife> lives, int c) {
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
                checkCancelled.run();
                if (check(a, b)) {
                    fired++;
                }
            }
        }
    }

    /** The kernel with less integration (Φ) investigates; the other computes the bridge. */
    private boolean check(KernelLife x, KernelLife y) {
        KernelRow kx = engine.kernels().get(x.kernelId);
        KernelRow ky = engine.kernels().get(y.kernelId);
        boolean xLower = kx.state().phi() <= ky.state().phi();
        KernelLife a = xLower ? x : y;
        KernelLife b = xLower ? y : x;
        KernelRow ka = xLower ? kx : ky;
        KernelRow kb = xLower ? ky : kx;
        WorkTrace work = new WorkTrace(b.kernelId, "bridge");
        work.bind("a", KernelActions.basinJson(kb.state().basin())).bind("b", KernelActions.basinJson(ka.state().basin()));
        carryOut(b, work, Procedures.BRIDGE);
        Basin bridge = Basin.of("bridge", KernelActions.toArray(work.value("bridge")));
        tick();
        if (unsafeBridge(a, b, bridge)) {
            learn(b, work, kb.state().phi(), false);
            return false;
        }
        Detection d = engine.insights().detect(a.kernelId,
                new DomainSignal(a.currentDomain, ka.state().basin(), ka.state().phi()),
                new DomainSignal(b.currentDomain, kb.state().basin(), kb.state().phi()));
        learn(b, work, kb.state().phi(), d.status() == Detection.Status.FIRED);
        if (d.status() == Detection.Status.AVOIDED) {
            tally.insightsAvoided++;
            return false;
        }
        if (d.status() != Detection.Status.FIRED) {
            return false;
        }
        InsightRow insight = d.insight().orElseThrow();
        tally.insightsFired++;
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("insight", insight.insightId());
        facts.put("domains", String.join(" ↔ ", insight.domains()));
        facts.put("confidence", insight.confidence());
        facts.put("phi", ka.state().phi());
        tick();
        engine.thoughts().think(ka, ThoughtEvent.INSIGHT_FIRED, insight.insightId(), facts);
        legs.checkpoint(a, CheckpointType.PRE_NAVIGATION);
        KernelActions.Leg leg = legs.travel(a, new Target(insight.basin(), insight.insightId(), a.currentDomain, null),
                MovementReason.INVESTIGATION, INVESTIGATION_STEPS);
        tick();
        OutcomeResult out = engine.insights().recordOutcome(insight.insightId(), leg.before().state().phi(),
                leg.after().state().phi(), leg.before().state().kappaEff(),
                leg.after().state().kappaEff());
        switch (out.outcome().outcomeType()) {
            case "validated" -> tally.insightsValidated++;
            case "invalidated" -> tally.insightsInvalidated++;
            default -> tally.insightsInconclusive++;
        }
        if (out.falsePattern().isPresent()) {
            tally.falsePatterns++;
            contradiction(a, insight, out);
        }
        return true;
    }

    /**
     * A bridge inside a forbidden ball cannot be pursued: unless a false class already covers it (then counted as
     * avoided), it becomes a false pattern class detected by barrier overlap.
     */
    private boolean unsafeBridge(KernelLife a, KernelLife b, Basin bridge) {
        SafetyVerdict v = engine.safety().check(bridge, clock.instant(), a.kernelId);
        if (v.safe()) {
            return false;
        }
        if (engine.falsePatterns().isAvoided(bridge).isPresent()) {
            tally.insightsAvoided++;
            return true;
        }
        Violation first = v.violations().get(0);
        ArrayNode examples = json().createArrayNode();
        examples.addObject().put("kernel_a", a.kernelId).put("kernel_b", b.kernelId).put("domain_a", a.currentDomain)
                .put("domain_b", b.currentDomain).put("blocked_by", first.id()).put("table", first.table())
                .put("distance", first.distance()).put("radius", first.radius());
        tick();
        engine.falsePatterns().register(new FalsePatternDraft("Bridge between " + a.currentDomain + " and "
                + b.currentDomain + " inside " + first.table() + " " + first.id(),
                String.format(java.util.Locale.ROOT, "the bridging point lies %.4f from the centre of a forbidden ball"
                        + " of radius %.4f: %s", first.distance(), first.radius(), first.reason()),
                DetectionMethod.BARRIER_OVERLAP, bridge, Math.max(0.02, first.radius() - first.distance()), examples));
        tally.falsePatterns++;
        return true;
    }

    /** An invalidated insight: the kernel is ordered away from the bridge, and the bridge is closed for a while. */
    private void contradiction(KernelLife life, InsightRow insight, OutcomeResult out) {
        Instant now = clock.instant();
        String fp = out.falsePattern().get().patternId();
        ObjectNode meta = json().createObjectNode().put("insight_id", insight.insightId()).put("false_pattern_id", fp)
                .put("phi_change", out.outcome().phiChange());
        tick();
        engine.safety().createExcludedRegion(life.kernelId, insight.basin(), 0.05 + 0.05 * life.rng.nextDouble(),
                ExclusionReason.ORDERED, 0, now.plus(CYCLE_SPAN.multipliedBy(3)), meta);
        tally.excludedRegions++;
        engine.safety().createEraExclusion(now, now.plus(CYCLE_SPAN.multipliedBy(1 + life.rng.nextInt(3))),
                insight.basin(), 0.04 + 0.04 * life.rng.nextDouble(),
                "contradiction: insight " + insight.insightId() + " was invalidated (ΔΦ "
                        + String.format(java.util.Locale.ROOT, "%.4f", out.outcome().phiChange()) + ")", meta);
        tally.eraExclusions++;
    }
}
