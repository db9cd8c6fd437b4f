package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.attractors.AttractorRow;
import dev.basin.attractors.AttractorService;
import dev.basin.attractors.AttractorType;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Coupling;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Regime;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.tools.ToolService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spawns a child kernel when the {@link SpawnConfig} criteria hold. The child starts at the geodesic midpoint between
 * the parent's basin and its strongest stable attractor (lowest U), with the parent's κ and neurotransmitters and an
 * RNG seeded from the parent's. In ONE unit of work: the parent's RNG advance, the child's {@code kernels} row, the
 * parent's {@code pre_spawn} checkpoint, one {@code kernel_knowledge_transfers} row per knowledge type handed over,
 * and the parent's {@code spawn} thought. The checkpoint is linked in space-time after commit.
 */
public final class SpawnService {
    /** Whether a kernel may spawn now, and why not. */
    public record Eligibility(boolean eligible, List<String> reasons, int stableAttractors, double phi,
            int kernelsInSession) {}

    /** A committed spawn. */
    public record Spawned(KernelRow child, KernelRow parent, CheckpointRow preSpawn, List<TransferRow> transfers,
            ThoughtRow thought) {}

    private final Store store;
    private final Clock clock;
    private final SpawnConfig config;
    private final AttractorService attractors;
    private final CheckpointService checkpoints;
    private final ThoughtService thoughts;
    private final CrossPatternService crossPatterns;
    private final ToolService tools;

    /** {@code crossPatterns} and {@code tools} check that the pattern and strategy ids a spawn hands over exist. */
    public SpawnService(Store store, Clock clock, SpawnConfig config, AttractorService attractors,
            CheckpointService checkpoints, ThoughtService thoughts, CrossPatternService crossPatterns,
            ToolService tools) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        this.attractors = attractors;
        this.checkpoints = checkpoints;
        this.thoughts = thoughts;
        this.crossPatterns = crossPatterns;
        this.tools = tools;
    }

    public Eligibility evaluate(String kernelId) {
        KernelService.requireId(kernelId);
        return store.jdbi().withHandle(h -> {
            KernelRow k = KernelQueries.kernel(h, kernelId, false)
                    .orElseThrow(() -> new UnknownIdException("kernel_id", kernelId));
            return eligibility(k, attractors.attractors(kernelId, AttractorType.STABLE).size(),
                    KernelQueries.kernelsInSession(h, k.sessionId()));
        });
    }

    private Eligibility eligibility(KernelRow k, int stable, int inSession) {
        List<String> reasons = new ArrayList<>();
        if (k.state().status() != KernelStatus.AWAKE) {
            reasons.add("status is " + k.state().status().sqlName());
        }
        if (stable < config.minStableAttractors()) {
            reasons.add(stable + " stable attractors < " + config.minStableAttractors());
        }
        if (k.state().phi() < config.minPhi()) {
            reasons.add("phi " + ThoughtEvent.format(k.state().phi()) + " < " + config.minPhi());
        }
        if (inSession >= config.maxKernelsPerSession()) {
            reasons.add(inSession + " kernels in session, cap " + config.maxKernelsPerSession());
        }
        if (k.generation() >= config.maxGeneration()) {
            reasons.add("generation " + k.generation() + " ≥ " + config.maxGeneration());
        }
        return new Eligibility(reasons.isEmpty(), List.copyOf(reasons), stable, k.state().phi(), inSession);
    }

    /** Spawns a child of {@code parentId}; refuses (InvalidInputException naming the reasons) if not eligible. */
    public Spawned spawn(String parentId, SpawnRequest request) {
        KernelService.requireId(parentId);
        requirePresent("request", request);
        List<AttractorRow> stable = attractors.attractors(parentId, AttractorType.STABLE);
        crossPatterns.requireKnown("pattern_ids", request.patternIds());
        tools.requireKnown("strategy_tool_ids", request.strategyToolIds());
        Spawned s = store.inTransaction(tx -> spawn(tx, parentId, request, stable));
        checkpoints.link(s.preSpawn());
        return s;
    }

    private Spawned spawn(Tx tx, String parentId, SpawnRequest request, List<AttractorRow> stable) {
        KernelRow parent = KernelQueries.kernel(tx.handle(), parentId, true)
                .orElseThrow(() -> new UnknownIdException("kernel_id", parentId));
        Eligibility e = eligibility(parent, stable.size(), KernelQueries.kernelsInSession(tx.handle(),
                parent.sessionId()));
        if (!e.eligible()) {
            throw new InvalidInputException("kernel_id", "does not meet the spawn criteria: "
                    + String.join("; ", e.reasons()));
        }
        AttractorRow strongest = stable.get(0);
        Instant now = clock.instant();
        KernelState ps = parent.state();
        SplitMix64 rng = new SplitMix64(ps.rngState());
        long childSeed = rng.nextLong();
        KernelState parentState = new KernelState(ps.basin(), ps.phi(), ps.kappa(), ps.kappaEff(), ps.regime(),
                ps.neurotransmitters(), ps.emotions(), ps.status(), ps.stepCount(), rng.state());
        KernelRow parentRow = new KernelRow(parent.kernelId(), parent.sessionId(), parent.parentKernelId(),
                parent.name(), parent.generation(), parentState, parent.createdAt(), now,
                KernelService.metadata(store.json(), parentState, KernelService.extra(parent.metadata())));
        KernelService.writeState(tx, parentRow);

        Basin at = FisherRao.pointAt(ps.basin(), strongest.basin(), 0.5);
        double kEff = Coupling.kappaEff(ps.kappa(), ps.neurotransmitters().norepinephrine(),
                ps.neurotransmitters().gaba());
        KernelState cs = new KernelState(at, Integration.phi(at), ps.kappa(), kEff, Regime.of(kEff),
                ps.neurotransmitters(), EmotionVector.neutral(), KernelStatus.AWAKE, 0, childSeed);
        Map<String, Object> childMeta = new LinkedHashMap<>();
        childMeta.put("origin", "spawn");
        childMeta.put("seed", childSeed);
        childMeta.put("strongest_attractor_id", strongest.attractorId());
        childMeta.put("distance_from_parent", FisherRao.distance(ps.basin(), at));
        String model = ThoughtService.modelOf(parent);
        if (model != null) {
            childMeta.put(ThoughtService.MODEL_KEY, model); // the child lives among its parent's basins
        }
        KernelRow child = new KernelRow(Ids.next("krn_"), parent.sessionId(), parent.kernelId(), request.childName(),
                parent.generation() + 1, cs, now, now, KernelService.metadata(store.json(), cs, childMeta));
        tx.insert(KernelTables.KERNELS, child);

        CheckpointRow pre = checkpoints.save(tx, parentRow, CheckpointType.PRE_SPAWN,
                Map.of("child_kernel_id", child.kernelId(), "strongest_attractor_id", strongest.attractorId()));

        List<TransferRow> transfers = new ArrayList<>();
        transfers.add(transfer(parent, child, KnowledgeType.ATTRACTORS, attractorItems(stable), now));
        if (!request.vocabulary().isEmpty()) {
            transfers.add(transfer(parent, child, KnowledgeType.VOCABULARY, terms(request.vocabulary()), now));
        }
        if (!request.patternIds().isEmpty()) {
            transfers.add(transfer(parent, child, KnowledgeType.PATTERNS, ids("pattern_id", request.patternIds()),
                    now));
        }
        if (!request.strategyToolIds().isEmpty()) {
            transfers.add(transfer(parent, child, KnowledgeType.STRATEGIES,
                    ids("tool_id", request.strategyToolIds()), now));
        }
        for (TransferRow t : transfers) {
            tx.insert(KernelTables.TRANSFERS, t);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("child", child.kernelId());
        facts.put("distance", FisherRao.distance(ps.basin(), at));
        facts.put("attractor", strongest.attractorId());
        facts.put("transfers", String.join(", ", transfers.stream()
                .map(t -> t.itemCount() + " " + t.type().sqlName()).toList()));
        ThoughtRow thought = thoughts.think(tx, parentRow, ThoughtEvent.SPAWN, child.kernelId(), facts, at);
        return new Spawned(child, parentRow, pre, List.copyOf(transfers), thought);
    }

    private ArrayNode attractorItems(List<AttractorRow> stable) {
        ArrayNode items = store.json().createArrayNode();
        for (AttractorRow a : stable) {
            ObjectNode o = items.addObject();
            o.put("attractor_id", a.attractorId());
            ArrayNode c = o.putArray("basin_coordinates");
            for (double v : a.basin().toArray()) {
                c.add(v);
            }
            o.put("potential_value", a.potentialValue());
            o.put("stability_metric", a.stabilityMetric());
            o.put("basin_volume", a.basinVolume());
        }
        return items;
    }

    private ArrayNode terms(List<String> vocabulary) {
        ArrayNode items = store.json().createArrayNode();
        vocabulary.forEach(items::add);
        return items;
    }

    private ArrayNode ids(String key, List<String> ids) {
        ArrayNode items = store.json().createArrayNode();
        ids.forEach(id -> items.addObject().put(key, id));
        return items;
    }

    private TransferRow transfer(KernelRow parent, KernelRow child, KnowledgeType type, ArrayNode items,
            Instant now) {
        ObjectNode data = store.json().createObjectNode();
        data.set("items", items);
        int size;
        try {
            size = store.json().writeValueAsString(data).getBytes(StandardCharsets.UTF_8).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("transfer data cannot be written as JSON", e);
        }
        ObjectNode meta = store.json().createObjectNode();
        meta.put("parent_generation", parent.generation());
        meta.put("child_generation", child.generation());
        meta.put("parent_phi", parent.state().phi());
        return new TransferRow(Ids.next("kt_"), parent.kernelId(), child.kernelId(), type, data, items.size(), size,
                now, meta);
    }
}
