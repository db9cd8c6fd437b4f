package dev.basin.api;

import dev.basin.attractors.AttractorIndex;
import dev.basin.attractors.AttractorRow;
import dev.basin.attractors.AttractorType;
import dev.basin.geometry.Basin;
import dev.basin.kernel.CheckpointRow;
import dev.basin.kernel.CheckpointService;
import dev.basin.kernel.CheckpointType;
import dev.basin.kernel.EmotionRow;
import dev.basin.kernel.KernelHistory;
import dev.basin.kernel.KernelRow;
import dev.basin.kernel.KernelService;
import dev.basin.kernel.Kernels;
import dev.basin.kernel.Neurotransmitters;
import dev.basin.kernel.SleepCycle;
import dev.basin.kernel.SpawnRequest;
import dev.basin.kernel.SpawnService;
import dev.basin.kernel.ThoughtRow;
import dev.basin.store.StoredName;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kernels over HTTP: create (in a session started for it), get, advance one step, checkpoints (save, list, restore,
 * prune), emotions and thoughts, spawn, sleep; and their attractors (list, nearest, search in a region).
 */
final class KernelRoutes {
    private final Requests requests;
    private final Kernels kernels;
    private final SleepCycle sleep;
    private final KernelHistory history;

    KernelRoutes(Requests requests, Kernels kernels, SleepCycle sleep) {
        this.requests = requests;
        this.kernels = kernels;
        this.sleep = sleep;
        this.history = kernels.history();
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/kernels", this::create);
        r.get("/api/v1/kernels", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(history.kernels(page.fetch(), page.offset()).stream().map(KernelRoutes::kernel).toList()));
        });
        r.get("/api/v1/kernels/{kernelId}", ctx -> ctx.json(kernel(kernels.kernels().get(id(ctx)))));
        r.post("/api/v1/kernels/{kernelId}/advance", ctx -> {
            String id = id(ctx);
            JsonBody b = requests.json(ctx);
            Basin target = b.basin("target");
            String label = b.optionalString("label", JsonBody.MAX_NAME).orElse("api target");
            b.finish();
            KernelService.Advance a = kernels.kernels().advance(id, target, label);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kernel", kernel(a.kernel()));
            out.put("from", a.from());
            out.put("stepLength", a.stepLength());
            out.put("distanceToTarget", a.distanceToTarget());
            out.put("arrived", a.arrived());
            out.put("blocked", a.blocked());
            ctx.json(out);
        });
        r.post("/api/v1/kernels/{kernelId}/checkpoints", ctx -> {
            String id = id(ctx);
            JsonBody b = requests.optionalJson(ctx);
            CheckpointType type = b.take("type") ? b.choice("type", CheckpointType.class) : CheckpointType.MANUAL;
            b.finish();
            ctx.status(201).json(checkpoint(kernels.checkpoints().save(id, type), false));
        });
        r.get("/api/v1/kernels/{kernelId}/checkpoints", ctx -> {
            String id = id(ctx);
            Page page = Page.of(ctx);
            kernels.kernels().get(id);
            List<CheckpointRow> all = kernels.checkpoints().history(id);
            ctx.json(page.answer(all.stream().skip(page.offset()).limit(page.fetch()).map(c -> checkpoint(c, false)).toList()));
        });
        r.get("/api/v1/checkpoints/{checkpointId}", ctx -> ctx.json(checkpoint(
                kernels.checkpoints().get(Params.id(ctx, "checkpointId", "ckpt_")), true)));
        r.post("/api/v1/checkpoints/{checkpointId}/restore", ctx -> {
            String id = Params.id(ctx, "checkpointId", "ckpt_");
            requests.optionalJson(ctx).finish();
            ctx.json(kernel(kernels.checkpoints().restore(id)));
        });
        r.post("/api/v1/kernels/{kernelId}/checkpoints/prune", ctx -> {
            String id = id(ctx);
            JsonBody b = requests.json(ctx);
            int keep = (int) b.integer("keepNewest", 0, 1_000_000);
            Set<CheckpointType> keepTypes = EnumSet.noneOf(CheckpointType.class);
            if (b.take("keepTypes")) {
                List<String> names = b.strings("keepTypes", CHECKPOINT_TYPES.size(), JsonBody.MAX_NAME);
                for (int i = 0; i < names.size(); i++) {
                    keepTypes.add(StoredName.parse(CheckpointType.class, b.path("keepTypes[" + i + "]"),
                            Texts.choice(b.path("keepTypes[" + i + "]"), names.get(i), CHECKPOINT_TYPES)));
                }
            }
            b.finish();
            CheckpointService.Pruned p = kernels.checkpoints().prune(id, keep, keepTypes);
            ctx.json(Map.of("deleted", p.deleted(), "kept", p.kept()));
        });
        r.get("/api/v1/kernels/{kernelId}/emotions", ctx -> {
            String id = id(ctx);
            Page page = Page.of(ctx);
            kernels.kernels().get(id);
            ctx.json(page.answer(history.emotions(id, page.fetch(), page.offset()).stream().map(KernelRoutes::emotion).toList()));
        });
        r.get("/api/v1/kernels/{kernelId}/thoughts", ctx -> {
            String id = id(ctx);
            Page page = Page.of(ctx);
            kernels.kernels().get(id);
            ctx.json(page.answer(history.thoughts(id, page.fetch(), page.offset()).stream().map(KernelRoutes::thought).toList()));
        });
        r.post("/api/v1/kernels/{kernelId}/spawn", ctx -> {
            String id = id(ctx);
            JsonBody b = requests.json(ctx);
            String name = b.string("name", JsonBody.MAX_NAME);
            b.finish();
            SpawnService.Eligibility e = kernels.spawner().evaluate(id);
            if (!e.eligible()) {
                throw ApiProblem.conflict("kernelId", "may not spawn now: " + String.join("; ", e.reasons()));
            }
            SpawnService.Spawned s = kernels.spawner().spawn(id, SpawnRequest.named(name));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("child", kernel(s.child()));
            out.put("parentKernelId", s.parent().kernelId());
            out.put("preSpawnCheckpointId", s.preSpawn().checkpointId());
            out.put("transfers", s.transfers().stream().map(t -> Map.of("transferId", t.transferId(), "knowledgeType",
                    t.type().sqlName(), "itemCount", t.itemCount(), "sizeBytes", t.sizeBytes())).toList());
            ctx.status(201).json(out);
        });
        r.post("/api/v1/kernels/{kernelId}/sleep", ctx -> {
            String id = id(ctx);
            requests.optionalJson(ctx).finish();
            SleepCycle.Slept s = sleep.sleep(id);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("kernel", kernel(s.kernel()));
            out.put("preSleepCheckpointId", s.preSleep().checkpointId());
            out.put("postSleepCheckpointId", s.postSleep().checkpointId());
            out.put("clusters", s.plan().clusters().size());
            out.put("merged", s.plan().mergedCount());
            out.put("pruned", s.plan().prunedCount());
            out.put("attractors", s.attractors().size());
            ctx.json(out);
        });
        r.get("/api/v1/kernels/{kernelId}/attractors", ctx -> {
            String id = id(ctx);
            Page page = Page.of(ctx);
            AttractorType type = Params.optionalChoice(ctx, "type", ATTRACTOR_TYPES)
                    .map(t -> StoredName.parse(AttractorType.class, "type", t)).orElse(null);
            kernels.kernels().get(id);
            ctx.json(page.answer(kernels.attractors().attractors(id, type, page.fetch(), page.offset()).stream()
                    .map(KernelRoutes::attractor).toList()));
        });
        r.post("/api/v1/kernels/{kernelId}/attractors/nearest", ctx -> {
            String id = id(ctx);
            JsonBody b = requests.json(ctx);
            Basin basin = b.basin("basin");
            int k = (int) b.optionalInteger("k", 1, 1000).orElse(1L).longValue();
            b.finish();
            kernels.kernels().get(id);
            ctx.json(Map.of("neighbours", neighbours(kernels.attractors().nearest(id, basin, k))));
        });
        r.post("/api/v1/kernels/{kernelId}/attractors/search", ctx -> {
            String id = id(ctx);
            JsonBody b = requests.json(ctx);
            Basin center = b.basin("center");
            double radius = b.number("radius", 0, Math.PI);
            b.finish();
            kernels.kernels().get(id);
            ctx.json(Map.of("attractors", neighbours(kernels.attractors().within(id, center, radius))));
        });
        r.get("/api/v1/attractors/{attractorId}", ctx -> ctx.json(attractor(kernels.attractors()
                .get(Params.id(ctx, "attractorId", "attr_")))));
    }

    static final Set<String> CHECKPOINT_TYPES = Enums.names(CheckpointType.values(), CheckpointType::sqlName);
    static final Set<String> ATTRACTOR_TYPES = Enums.names(AttractorType.values(), AttractorType::sqlName);

    private static String id(Context ctx) {
        return Params.id(ctx, "kernelId", "krn_");
    }

    private void create(Context ctx) {
        JsonBody b = requests.json(ctx);
        String name = b.string("name", JsonBody.MAX_NAME);
        Basin start = b.basin("basin");
        double kappa = b.number("kappa", 0, 1e6);
        long seed = b.optionalInteger("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(0L);
        Neurotransmitters nt = b.take("neurotransmitters") ? neuro(b) : Neurotransmitters.resting();
        String sessionId = b.optionalId("sessionId", "ses_").orElse(null);
        b.finish();
        if (sessionId == null) {
            dev.basin.runs.SessionRecord s = kernels.sessions().start(seed, requests.mapper().createObjectNode().put("origin", "api").put("kernel", name));
            sessionId = s.sessionId();
        }
        ctx.status(201).json(kernel(kernels.kernels().createRoot(sessionId, name, start, kappa, nt, seed)));
    }

    private static Neurotransmitters neuro(JsonBody b) {
        var o = b.object("neurotransmitters");
        double[] v = new double[5];
        String[] names = {"dopamine", "serotonin", "norepinephrine", "gaba", "acetylcholine"};
        for (int i = 0; i < names.length; i++) {
            var n = o.get(names[i]);
            String field = "neurotransmitters." + names[i];
            if (n == null) {
                throw ApiProblem.badRequest(field, "is missing");
            }
            v[i] = JsonBody.numberAt(n, field);
            if (v[i] < 0 || v[i] > 1) {
                throw new dev.basin.geometry.InvalidInputException(field, "must be in [0, 1], is " + v[i]);
            }
        }
        if (o.size() != names.length) {
            throw ApiProblem.badRequest("neurotransmitters", "must have exactly " + String.join(", ", names));
        }
        return new Neurotransmitters(v[0], v[1], v[2], v[3], v[4]);
    }

    static Map<String, Object> kernel(KernelRow k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kernelId", k.kernelId());
        m.put("sessionId", k.sessionId());
        m.put("parentKernelId", k.parentKernelId());
        m.put("name", k.name());
        m.put("generation", k.generation());
        m.put("status", k.state().status().sqlName());
        m.put("basin", k.state().basin());
        m.put("phi", k.state().phi());
        m.put("kappa", k.state().kappa());
        m.put("kappaEff", k.state().kappaEff());
        m.put("regime", k.state().regime().sqlName());
        m.put("neurotransmitters", k.state().neurotransmitters().asMap());
        m.put("emotions", k.state().emotions().asMap());
        m.put("stepCount", k.state().stepCount());
        m.put("createdAt", k.createdAt());
        m.put("updatedAt", k.updatedAt());
        return m;
    }

    /** A checkpoint row without its metadata; its state blob, under {@code state}, only when asked for. */
    static Map<String, Object> checkpoint(CheckpointRow c, boolean withState) {
        Map<String, Object> m = Json.fields(c);
        m.remove("stateBlob");
        m.remove("metadata");
        if (withState) {
            m.put("state", c.stateBlob());
        }
        return m;
    }

    /** An emotion row: the nine intensities by name, the dominant one and the overall intensity. */
    static Map<String, Object> emotion(EmotionRow e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("emotionId", e.emotionId());
        m.put("kernelId", e.kernelId());
        m.put("emotions", e.emotions().asMap());
        m.put("dominantEmotion", e.emotions().dominant().sqlName());
        m.put("emotionalIntensity", e.emotions().intensity());
        m.put("phi", e.phi());
        m.put("kappaEff", e.kappaEff());
        m.put("trigger", e.trigger().sqlName());
        m.put("recordedAt", e.recordedAt());
        return m;
    }

    /** A thought row without its metadata, its emotional context by emotion name. */
    static Map<String, Object> thought(ThoughtRow t) {
        Map<String, Object> m = Json.fields(t);
        m.put("emotionalContext", t.emotionalContext().asMap());
        m.remove("metadata");
        return m;
    }

    static Map<String, Object> attractor(AttractorRow a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attractorId", a.attractorId());
        m.put("kernelId", a.kernelId());
        m.put("basin", a.basin());
        m.put("type", a.type().sqlName());
        m.put("stabilityMetric", a.stabilityMetric());
        m.put("basinVolume", a.basinVolume());
        return m;
    }

    private static List<Map<String, Object>> neighbours(List<AttractorIndex.Neighbour> ns) {
        return ns.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attractorId", n.id());
            m.put("distance", n.distance());
            return m;
        }).toList();
    }
}
