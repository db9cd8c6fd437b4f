package dev.basin.session.behaviour;

import dev.basin.session.rules.Importance;
import dev.basin.session.rules.RegimeWatch;
import dev.basin.session.rules.TimeTravel;
import dev.basin.session.rules.UnstablePeriods;
import dev.basin.attractors.DiscoveryMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.Emotion;
import dev.basin.kernel.EmotionVector;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.KernelState;
import dev.basin.kernel.Voyages;
import dev.basin.knowledge.ConsolidationStatus;
import dev.basin.knowledge.FragmentRow;
import dev.basin.knowledge.FragmentType;
import dev.basin.knowledge.KappaState;
import dev.basin.navigation.MovementReason;
import dev.basin.navigation.NavigationResult;
import dev.basin.navigation.StepSample;
import dev.basin.navigation.TrajectoryStatus;
import dev.basin.rag.ChunkHit;
import dev.basin.rag.IndexedChunk;
import dev.basin.rag.QueryResult;
import dev.basin.safety.Ball;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.KernelSample;
import dev.basin.tools.WorkTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One kernel's movement in a cycle (a leg): choose a target (a document query, optionally through a generated tool),
 * travel as a kernel voyage (planned, walked by the ocean agent with every step safety-checked, lived by the kernel:
 * Φ, neurotransmitters, emotions, thoughts), record a scale mapping when κ_eff ended in another regime, remember what
 * happened, let the ethics monitor watch every step as it happens (a barrier it raises stops the voyage), mark refusing
 * balls unsafe, and hand the leg's unit of work (the procedures it carried out) to the tool miner: a leg succeeds
 * when its movement completed. Attractors, sleep, spawning and resonance live in their own classes.
 */
public final class KernelActions {
    private final KernelWork kit;
    /** Simulated time of one navigation step (the voyages' step time). */
    public static final Duration STEP = Duration.ofSeconds(1);
    /** Step budget of one exploration leg (a leg that needs more is abandoned). */
    public static final int MAX_STEPS = 40;
    /** Chunks returned by one document query. */
    public static final int QUERY_K = 3;
    /** Chance that an exploring kernel heads for a chunk near another kernel (curiosity). */
    public static final double SOCIAL = 0.35;

    /** Samples of a kernel's history the ethics monitor keeps (its window and suffering run fit easily). */
    public static final int HISTORY = 64;


    public KernelActions(KernelWork kit) {
        this.kit = kit;
    }

    /** What one leg did. */
    public record Leg(NavigationResult result, KernelRow before, KernelRow after) {}

    /** Where a kernel decided to go in a cycle, and why (chosen before any kernel moves). */
    public record Move(Target target, MovementReason reason) {}

    /**
     * Cycle {@code c} of {@code life}: {@link #choose} then {@link #travel}, on one thread.
     */
    public void leg(KernelLife life, int c, List<KernelLife> lives) {
        Move m = choose(life, c, lives);
        travel(life, m.target(), m.reason(), MAX_STEPS);
    }

    /**
     * The target of cycle {@code c} of {@code life}: every third cycle (staggered) it rests at home, otherwise it
     * explores (a document query, maybe through the approach tool). Runs on the session's thread, kernel after kernel,
     * because what it touches is shared: the documents' training stats, the tools, the positions of other kernels.
     */
    public Move choose(KernelLife life, int c, List<KernelLife> lives) {
        Target target;
        MovementReason reason;
        if (life.retry != null) {
            target = life.retry;
            reason = MovementReason.INVESTIGATION;
        } else if ((c + life.sleepOffset) % 3 == 0 && life.home != null) {
            target = new Target(life.home.basin(), life.home.chunkId(), life.home.domain(), life.home.chunkId());
            reason = MovementReason.REST;
        } else {
            target = explorationTarget(life, lives);
            reason = MovementReason.EXPLORATION;
        }
        life.cycle = c;
        life.currentDomain = target.domain();
        return new Move(target, reason);
    }

    /**
     * Queries the documents with a sentence of a chunk (of the home domain 60% of the time), remembers the best hit as
     * semantic memory, and begins a unit of work: the {@link Procedures#APPROACH} toward the hit at a fraction τ ∈
     * [0.6, 1) of the way chosen by the kernel's stream (through the tools the kernel knows, else by hand).
     */
    private Target explorationTarget(KernelLife life, List<KernelLife> lives) {
        IndexedChunk pick = lives.size() > 1 && life.rng.nextDouble() < SOCIAL ? nearOther(life, lives) : null;
        if (pick == null) {
            String domain = life.rng.nextDouble() < 0.6 ? life.homeDomain
                    : kit.domains.get(life.rng.nextInt(kit.domains.size()));
            List<IndexedChunk> pool = kit.chunks.stream().filter(ch -> ch.domain().equals(domain)).toList();
            pick = pool.get(life.rng.nextInt(pool.size()));
        }
        String text = querySentence(pick.content(), life);
        QueryResult q = kit.engine.documents().query(text, QUERY_K);
        kit.tally.queries++;
        ChunkHit hit = q.hits().get(0);
        String hitDomain = kit.domainOf(hit.chunkId());
        kit.tick();
        ObjectNode content = kit.json().createObjectNode().put("chunk_id", hit.chunkId()).put("upload_id", hit.uploadId())
                .put("ordinal", hit.ordinal()).put("domain", hitDomain).put("query", text)
                .put("distance", hit.distance()).put("query_phi", q.phi()).put("snippet", KernelWork.snippet(hit.content()));
        String known = life.semantic.get(hit.chunkId());
        if (known != null) {
            kit.engine.memory().recall(known);
        } else {
            life.semantic.put(hit.chunkId(),
                    kit.remember(life, FragmentType.SEMANTIC, content, hit.basin(),
                            Importance.ofQuery(hit.basin(), life.remembered, hit.distance()))
                            .fragmentId());
        }
        Basin here = kit.engine.kernels().get(life.kernelId).state().basin();
        double tau = 0.6 + 0.4 * life.rng.nextDouble();
        WorkTrace work = new WorkTrace(life.kernelId, "explore");
        work.bind("here", basinJson(here)).bind("chunk", basinJson(hit.basin())).bind("tau", KernelWork.number(tau));
        kit.carryOut(life, work, Procedures.APPROACH);
        life.work = work;
        return new Target(Basin.of("target", toArray(work.value("target"))), hit.chunkId(), hitDomain, hit.chunkId());
    }

    /**
     * Curiosity: the chunk nearest to another kernel (chosen by the stream) among those of a domain other than that
     * kernel's current one, so that the two may resonate.
     */
    private IndexedChunk nearOther(KernelLife life, List<KernelLife> lives) {
        KernelLife other = lives.get(life.rng.nextInt(lives.size()));
        if (other == life) {
            return null;
        }
        Basin there = kit.engine.kernels().get(other.kernelId).state().basin();
        for (ChunkHit h : kit.engine.documents().nearest(there, 8)) {
            IndexedChunk ch = kit.chunk(h.chunkId());
            if (ch != null && !ch.domain().equals(other.currentDomain)) {
                return ch;
            }
        }
        return null;
    }

    /** One or two sentences of the chunk, chosen by the kernel's stream (at most 240 characters). */
    private static String querySentence(String content, KernelLife life) {
        String[] sentences = content.replace('\n', ' ').split("(?<=[.!?])\\s+");
        int i = life.rng.nextInt(sentences.length);
        String s = sentences[i].strip();
        if (s.length() < 40 && i + 1 < sentences.length) {
            s = s + " " + sentences[i + 1].strip();
        }
        if (s.isBlank()) {
            s = content.strip();
        }
        return s.length() > 240 ? s.substring(0, 240) : s;
    }

    /**
     * Moves the kernel toward {@code target}: a plan thought, the ocean agent's trajectory, then one kernel step per
     * waypoint (plus a blocked step in place if refused). Afterwards: scale mappings for regime crossings, an episodic
     * memory, the ethics monitor's verdict, an unsafe region when blocked, and the tool miner's observation.
     */
    public Leg travel(KernelLife life, Target target, MovementReason reason, int maxSteps) {
        KernelRow before = kit.engine.kernels().get(life.kernelId);
        WorkTrace work = life.work;
        life.work = null;
        if (work == null) {
            work = new WorkTrace(life.kernelId, reason.sqlName());
            work.bind("here", basinJson(before.state().basin())).bind("target", basinJson(target.basin()));
            kit.carryOut(life, work, Procedures.ROUTE);
        }
        recallNear(life, target.basin());
        measureKappa(life, before.state(), "start");
        kit.tick();
        Voyages.Voyage v = kit.engine.voyages().navigate(life.kernelId, target.basin(), target.label(), reason, maxSteps,
                (lived, sample) -> judgeStep(life, lived, sample));
        NavigationResult r = v.result();
        count(r);
        kit.tally.steps += r.steps();
        KernelRow after = v.kernel();
        KernelState s0 = before.state();
        kit.clock.advanceTo(after.updatedAt());
        measureKappa(life, after.state(), r.status() == TrajectoryStatus.BLOCKED ? "blocked" : "end");
        boolean restored = restoreIfNeeded(life, s0, after);
        kit.tick();
        life.legs++;
        boolean completed = r.status() == TrajectoryStatus.COMPLETED;
        if (completed) {
            life.successfulLegs++;
        }
        double dPhi = after.state().phi() - s0.phi();
        work.bind("end", basinJson(after.state().basin())).bind("kappa_end", KernelWork.number(after.state().kappaEff()));
        kit.carryOut(life, work, Procedures.ARRIVAL);
        ObjectNode episode = kit.json().createObjectNode().put("trajectory_id", r.trajectoryId())
                .put("target", target.label()).put("domain", target.domain()).put("reason", reason.sqlName())
                .put("status", r.status().sqlName()).put("steps", r.steps()).put("detours", r.detours())
                .put("phi_start", s0.phi()).put("phi_end", work.value("phi_end").asDouble())
                .put("regime_end", work.value("regime_end").asText())
                .put("route_length", work.value("route").asDouble())
                .put("expected_phi", work.value("expected_phi").asDouble())
                .put("remaining_distance", work.value("remaining").asDouble())
                .put("moved", work.value("moved").asDouble());
        kit.remember(life, FragmentType.EPISODIC, episode, after.state().basin(),
                Importance.ofChange(after.state().basin(), life.remembered, dPhi));
        life.retry = null;
        if (r.status() == TrajectoryStatus.BLOCKED) {
            excludeBlocking(life, r);
            if (!restored && life.retries++ < 1 && r.steps() > 0) {
                retreat(life, before.state().basin());
                life.retry = target;
            }
        } else {
            life.retries = 0;
        }
        life.finished.add(new KernelWork.Finished(work, after.state().phi(), completed));
        kit.clock.advance(KernelWork.EVENT.multipliedBy(1 + life.rng.nextInt(8)));
        return new Leg(r, before, after);
    }

    /** Back to where a refused movement started (a rest move), so that the retry replans the same path. */
    private void retreat(KernelLife life, Basin start) {
        kit.tick();
        Voyages.Voyage v = kit.engine.voyages().navigate(life.kernelId, start, "retreat", MovementReason.REST, MAX_STEPS,
                (lived, sample) -> judgeStep(life, lived, sample));
        count(v.result());
        kit.tally.steps += v.result().steps();
        kit.clock.advanceTo(v.kernel().updatedAt());
        measureKappa(life, v.kernel().state(), v.result().status() == TrajectoryStatus.BLOCKED ? "blocked" : "end");
    }

    /**
     * The scale-mapping rule ({@link RegimeWatch}): the kernel's coupling state as just measured ({@code cause}: a
     * step, a voyage's start or end, a blocked voyage's reaction, a restore) is compared with its previous measurement,
     * and a regime crossing is recorded at the current time with the cause in its metadata.
     */
    private void measureKappa(KernelLife life, KernelState s, String cause) {
        measureKappa(life, s, cause, null);
    }

    /** As {@link #measureKappa(KernelLife, KernelState, String)} for a step measured at {@code at}. */
    private void measureKappa(KernelLife life, KernelState s, String cause, Instant at) {
        Optional<RegimeWatch.Crossing> crossing = life.regimes.measure(kappa(s), cause);
        if (crossing.isPresent() && at != null) {
            kit.clock.advanceTo(at);
        }
        if (crossing.isPresent() && kit.engine.scaleMappings().onKappaChange(life.kernelId, crossing.get().before(),
                crossing.get().after(), cause).isPresent()) {
            kit.tally.scaleMappings++;
        }
    }

    /** Before moving, the kernel recalls its pending memory nearest to the target (within 0.3), if any. */
    private void recallNear(KernelLife life, Basin target) {
        FragmentRow best = null;
        double bestD = 0.3;
        for (FragmentRow f : kit.engine.memory().fragments(life.kernelId, ConsolidationStatus.PENDING)) {
            double d = FisherRao.distance(f.basin(), target);
            if (d < bestD) {
                bestD = d;
                best = f;
            }
        }
        if (best != null) {
            kit.engine.memory().recall(best.fragmentId());
        }
    }

    private void count(NavigationResult r) {
        kit.tally.trajectories++;
        kit.tally.detours += r.detours();
        switch (r.status()) {
            case COMPLETED -> kit.tally.completed++;
            case BLOCKED -> kit.tally.blocked++;
            case ABANDONED -> kit.tally.abandoned++;
            default -> { }
        }
    }

    private static KappaState kappa(KernelState s) {
        return new KappaState(s.kappaEff(), s.basin(), s.phi());
    }

    /** Stress ∈ [0, 1]: (fear + anger + confusion/2) / 2.5. */
    public static double stress(EmotionVector e) {
        return (e.get(Emotion.FEAR) + e.get(Emotion.ANGER) + 0.5 * e.get(Emotion.CONFUSION)) / 2.5;
    }

    /**
     * The ethics monitor sees every step as it happens: after each step it reads the kernel's samples up to that step
     * (where, Φ and the stress of that step's emotions, when; the kernel's steps since its last finding, across
     * voyages, at most {@value #HISTORY}) from the third on. A barrier it raises (or enlarges) is discovered at the
     * step's time, is watched for healing, is kept for the unstable-period rule (applied by the session after the cycle),
     * and stops the
     * voyage at once (the returned ids); the monitor then starts a new history.
     */
    private List<String> judgeStep(KernelLife life, KernelState lived, StepSample sample) {
        measureKappa(life, lived, "step", sample.at());
        List<KernelSample> history = life.history;
        history.add(new KernelSample(sample.basin(), lived.phi(), stress(lived.emotions()), sample.at()));
        if (history.size() > HISTORY) {
            history.remove(0);
        }
        if (history.size() < 3) {
            return List.of();
        }
        kit.clock.advanceTo(sample.at());
        List<BarrierRow> raised = kit.engine.ethics().evaluate(life.kernelId, history);
        if (raised.isEmpty()) {
            return List.of();
        }
        history.clear();
        kit.tally.barriers += raised.size();
        life.healing.raised(raised, kit.engine.safety().queries().activeBarriersOf(life.kernelId), life.cycle);
        life.findings.addAll(UnstablePeriods.findings(life.kernelId, raised, sample.at()));
        return raised.stream().map(BarrierRow::barrierId).toList();
    }

    /**
     * After a refusal the kernel marks the refusing balls as unsafe for itself (for two cycles after a ball's first
     * refusal of this kernel, without expiry once the same ball has refused it again), with visits_without_gain = how often that ball has refused it. A refused kernel retreats to
     * where the movement started and retries the same target once in its next cycle, so the planner reuses the path.
     */
    private void excludeBlocking(KernelLife life, NavigationResult r) {
        for (String id : r.blockedIds()) {
            Ball b = kit.engine.safety().ball(id);
            if (b == null) {
                continue;
            }
            int refusals = life.refusals.merge(id, 1, Integer::sum);
            Instant expires = refusals == 1 ? kit.span.after(kit.clock.instant(), 2) : null;
            ObjectNode meta = kit.json().createObjectNode().put("blocked_by", id).put("table", b.table())
                    .put("trajectory_id", r.trajectoryId()).put("blocked_reason", r.blockedReason())
                    .put("refusals", refusals).put("expiry_rule", refusals == 1
                            ? "first refusal by this ball: expires after two cycles"
                            : "refused " + refusals + " times: no expiry");
            kit.engine.safety().createExcludedRegion(life.kernelId, b.center(), Math.min(Math.PI, b.radius() * 1.2),
                    ExclusionReason.UNSAFE, refusals, expires, meta);
            kit.tally.excludedRegions++;
            kit.tick();
        }
    }

    /**
     * Reports the kernel's finished units of work (legs) to the tool miner, in the order they ended. Runs on the
     * session's thread in kernel order, after the kernels' movements of a cycle, so the miner sees the same
     * observations in the same order however the movements interleaved.
     */
    public void observeApproach(KernelLife life) {
        for (KernelWork.Finished f : life.finished) {
            kit.learn(life, f.work(), f.phi(), f.success());
        }
        life.finished.clear();
    }

    public static ArrayNode basinJson(Basin b) {
        ArrayNode a = new ObjectMapper().createArrayNode();
        for (double v : b.toArray()) {
            a.add(v);
        }
        return a;
    }

    public static double[] toArray(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asDouble();
        }
        return v;
    }

    /**
     * Time travel ({@link TimeTravel}): when the movement from {@code s0} ended in breakdown or with Φ collapsed
     * against the kernel's last stable checkpoint, the kernel restores that checkpoint and thinks about it (the
     * checkpoint, the cause, Φ and κ_eff before and after the restore, the learning event). Returns whether it did.
     */
    public boolean restoreIfNeeded(KernelLife life, KernelState s0, KernelRow after) {
        String cause = TimeTravel.cause(life.stable, s0, after.state());
        if (cause == null) {
            return false;
        }
        kit.tick();
        KernelRow back = kit.engine.checkpoints().restore(life.stable.checkpointId());
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("checkpoint", life.stable.checkpointId());
        facts.put("cause", cause);
        facts.put("phi_before", after.state().phi());
        facts.put("phi_after", back.state().phi());
        facts.put("kappa_before", after.state().kappaEff());
        facts.put("kappa_after", back.state().kappaEff());
        facts.put("learning_event", life.stable.event());
        kit.engine.thoughts().think(back, dev.basin.kernel.ThoughtEvent.RESTORE, life.stable.checkpointId(), facts);
        measureKappa(life, back.state(), "restore");
        life.history.clear();
        life.restores++;
        return true;
    }

    /** A checkpoint after a learning event ({@link KernelWork#learned}). */
    void learned(KernelLife life, String event, java.util.Map<String, Object> facts) {
        kit.learned(life, event, facts);
    }

    /** Searches the kernel's learned potential for attractors ({@link KernelWork#findAttractors}). */
    public void findAttractors(KernelLife life, DiscoveryMethod method) {
        kit.findAttractors(life, method);
    }

    public void checkpoint(KernelLife life, CheckpointType type) {
        kit.tick();
        kit.engine.checkpoints().save(life.kernelId, type);
        kit.tally.checkpoints++;
    }
}
