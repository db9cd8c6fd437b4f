package dev.basin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OpenAPI description of the kernel, attractor, knowledge, tool, insight and document endpoints. */
final class OpenApiFeatures {
    private final OpenApiDocument d;

    OpenApiFeatures(OpenApiDocument d) {
        this.d = d;
    }

    void describe() {
        kernels();
        knowledge();
        tools();
    }

    private void kernels() {
        String[] ckpt = KernelRoutes.CHECKPOINT_TYPES.toArray(new String[0]);
        ObjectNode kernel = d.open("kernelId", d.id("krn_"), "sessionId", d.id("ses_"), "parentKernelId", d.nullable(d.id("krn_")),
                "name", d.str(), "generation", d.integer(0, Integer.MAX_VALUE), "status", d.enumOf("awake", "asleep", "retired"),
                "basin", d.ref("Basin"), "phi", d.num(0, 1), "kappa", d.num(), "kappaEff", d.num(),
                "regime", d.enumOf("linear", "geometric", "hierarchical", "breakdown"), "neurotransmitters", d.object(),
                "emotions", d.object(), "stepCount", d.integer(0, Long.MAX_VALUE), "createdAt", d.time(), "updatedAt", d.time());
        d.schema("Kernel", kernel);
        ObjectNode nt = d.obj("dopamine", d.num(0, 1), "serotonin", d.num(0, 1), "norepinephrine", d.num(0, 1), "gaba", d.num(0, 1),
                "acetylcholine", d.num(0, 1));
        d.op("POST", "/api/v1/kernels", "kernels", "Create a root kernel (in a new session unless sessionId is given)",
                d.obj("name", d.str(JsonBody.MAX_NAME), "basin", d.ref("Basin"), "kappa", d.num(0, 1e6), "seed?", d.integer(Long.MIN_VALUE, Long.MAX_VALUE),
                        "neurotransmitters?", nt, "sessionId?", d.id("ses_")), 201, d.ref("Kernel"));
        d.list("/api/v1/kernels", "kernels", "Kernels, newest first", d.ref("Kernel"));
        d.op("GET", "/api/v1/kernels/{kernelId}", "kernels", "A kernel's current state", null, 200, d.ref("Kernel"));
        d.op("POST", "/api/v1/kernels/{kernelId}/advance", "kernels", "One navigation step toward target (updates Φ, κ_eff, emotions)",
                d.obj("target", d.ref("Basin"), "label?", d.str(JsonBody.MAX_NAME)), 200,
                d.open("kernel", d.ref("Kernel"), "from", d.ref("Basin"), "stepLength", d.num(), "distanceToTarget", d.num(0, Math.PI),
                        "arrived", d.bool(), "blocked", d.bool()));
        ObjectNode checkpoint = d.open("checkpointId", d.id("ckpt_"), "kernelId", d.id("krn_"), "sequence", d.integer(0, Long.MAX_VALUE),
                "type", d.enumOf(ckpt), "basin", d.ref("Basin"), "phi", d.num(0, 1), "kappaEff", d.num(), "regime", d.str(),
                "parentCheckpointId", d.nullable(d.id("ckpt_")), "sizeBytes", d.integer(1, Integer.MAX_VALUE), "createdAt", d.time(),
                "state?", d.object());
        d.schema("Checkpoint", checkpoint);
        ((ObjectNode) d.op("POST", "/api/v1/kernels/{kernelId}/checkpoints", "kernels", "Save a checkpoint (type defaults to manual)",
                d.obj("type?", d.enumOf(ckpt)), 201, d.ref("Checkpoint")).get("requestBody")).put("required", false);
        d.list("/api/v1/kernels/{kernelId}/checkpoints", "kernels", "A kernel's checkpoints, newest first (without their state)", d.ref("Checkpoint"));
        d.op("GET", "/api/v1/checkpoints/{checkpointId}", "kernels", "One checkpoint with its state", null, 200, d.ref("Checkpoint"));
        d.op("POST", "/api/v1/checkpoints/{checkpointId}/restore", "kernels", "Put the kernel back exactly as checkpointed", null, 200,
                d.ref("Kernel"));
        d.op("POST", "/api/v1/kernels/{kernelId}/checkpoints/prune", "kernels", "Keep the newest N and every checkpoint of keepTypes",
                d.obj("keepNewest", d.integer(0, 1_000_000), "keepTypes?", d.arr(d.enumOf(ckpt))), 200,
                d.obj("deleted", d.arr(d.id("ckpt_")), "kept", d.arr(d.id("ckpt_"))));
        d.list("/api/v1/kernels/{kernelId}/emotions", "kernels", "A kernel's emotion records, newest first", d.object());
        d.list("/api/v1/kernels/{kernelId}/thoughts", "kernels", "A kernel's thoughts, newest first", d.object());
        d.op("POST", "/api/v1/kernels/{kernelId}/spawn", "kernels", "Spawn a child (409 unless the spawn criteria hold)",
                d.obj("name", d.str(JsonBody.MAX_NAME)), 201, d.open("child", d.ref("Kernel"), "parentKernelId", d.id("krn_"),
                        "preSpawnCheckpointId", d.id("ckpt_"), "transfers", d.arr(d.object())));
        d.op("POST", "/api/v1/kernels/{kernelId}/sleep", "kernels", "A sleep cycle: checkpoints, memory consolidation, attractors re-found",
                null, 200, d.open("kernel", d.ref("Kernel"), "preSleepCheckpointId", d.id("ckpt_"), "postSleepCheckpointId", d.id("ckpt_"),
                        "clusters", d.integer(0, Integer.MAX_VALUE), "merged", d.integer(0, Integer.MAX_VALUE),
                        "pruned", d.integer(0, Long.MAX_VALUE), "attractors", d.integer(0, Integer.MAX_VALUE)));
        ObjectNode neighbour = d.obj("attractorId", d.id("attr_"), "distance", d.num(0, Math.PI));
        d.list("/api/v1/kernels/{kernelId}/attractors", "attractors", "A kernel's attractors", d.object(),
                "type", d.enumOf(KernelRoutes.ATTRACTOR_TYPES.toArray(new String[0])));
        d.op("POST", "/api/v1/kernels/{kernelId}/attractors/nearest", "attractors", "The k nearest known attractors (exact)",
                d.obj("basin", d.ref("Basin"), "k?", d.integer(1, 1000)), 200, d.obj("neighbours", d.arr(neighbour)));
        d.op("POST", "/api/v1/kernels/{kernelId}/attractors/search", "attractors", "Known attractors within a Fisher–Rao ball",
                d.obj("center", d.ref("Basin"), "radius", d.num(0, Math.PI)), 200, d.obj("attractors", d.arr(neighbour)));
        d.op("GET", "/api/v1/attractors/{attractorId}", "attractors", "One attractor", null, 200, d.object());
    }

    private void knowledge() {
        d.op("POST", "/api/v1/knowledge/cross-patterns/discover", "knowledge",
                "Discover cross-domain patterns among the stored document chunks", null, 200, d.obj("discoveries", d.arr(d.object())));
        d.list("/api/v1/knowledge/cross-patterns", "knowledge", "Cross patterns, newest first", d.object());
        d.list("/api/v1/knowledge/scale-mappings", "knowledge", "Scale mappings recorded at κ regime changes", d.object());
        d.op("POST", "/api/v1/knowledge/false-patterns", "knowledge", "Register a false pattern class (negative knowledge)",
                d.obj("description", d.str(JsonBody.MAX_TEXT), "falseReason", d.str(JsonBody.MAX_TEXT),
                        "detectionMethod", d.enumOf("outcome_invalidated", "barrier_overlap", "manual"), "signature", d.ref("Basin"),
                        "radius", d.num(0, Math.PI), "exampleCases?", d.arr(d.any())), 201, d.object());
        d.list("/api/v1/knowledge/false-patterns", "knowledge", "False pattern classes", d.object());
        d.op("POST", "/api/v1/knowledge/false-patterns/check", "knowledge", "Is a candidate inside a false pattern class? (counts the avoidance)",
                d.obj("basin", d.ref("Basin")), 200, d.open("avoided", d.bool(), "patternId?", d.id("fpat_"), "distance?", d.num()));
        d.op("POST", "/api/v1/kernels/{kernelId}/fragments", "knowledge", "Remember a memory fragment",
                d.obj("type", d.enumOf("episodic", "semantic", "procedural"), "content", d.object(), "basin", d.ref("Basin"),
                        "importance", d.num(0, 1e6)), 201, d.object());
        d.list("/api/v1/kernels/{kernelId}/fragments", "knowledge", "A kernel's memory fragments", d.object());
    }

    private void tools() {
        d.op("POST", "/api/v1/tools", "tools", "Register a generated tool (a declarative pipeline of known operations)",
                d.obj("name", d.str(63).put("pattern", "^[a-z][a-z0-9_]{0,62}$"), "description", d.str(JsonBody.MAX_TEXT),
                        "inputSchema", d.object(), "outputSchema", d.object(), "implementation", d.object(), "generatedBy?", d.id("krn_"),
                        "generationMethod", d.enumOf("pattern_based", "llm_assisted", "hybrid"), "phiScore", d.num(0, 1)), 201, d.object());
        d.list("/api/v1/tools", "tools", "Generated tools", d.object());
        d.op("GET", "/api/v1/tools/{toolId}", "tools", "One tool", null, 200, d.object());
        d.op("POST", "/api/v1/tools/{toolId}/uses", "tools", "Record one use (counters updated atomically)", d.obj("success", d.bool()), 201,
                d.object());
        ObjectNode signal = d.obj("domain", d.str(JsonBody.MAX_NAME), "basin", d.ref("Basin"), "phi", d.num(0, 1));
        d.op("POST", "/api/v1/insights/detect", "insights", "Detect a lightning insight between two domain signals (201 when one fires)",
                d.obj("kernelId", d.id("krn_"), "a", signal, "b", signal), 200,
                d.open("status", d.enumOf("fired", "quiet", "avoided"), "distance", d.num(), "insight", d.nullable(d.object()), "reason", d.str()));
        d.list("/api/v1/insights", "insights", "Lightning insights with their outcomes (null until recorded), newest first", d.object());
        d.op("GET", "/api/v1/insights/{insightId}", "insights", "One insight with its outcome (null until recorded)", null, 200, d.object());
        d.op("POST", "/api/v1/insights/{insightId}/outcome", "insights", "Record the measured outcome of an insight (once)",
                d.obj("phiBefore", d.num(0, 1), "phiAfter", d.num(0, 1), "kappaBefore", d.num(0, 1e6), "kappaAfter", d.num(0, 1e6)), 201,
                d.open("outcome", d.object(), "falsePattern", d.nullable(d.object())));
        d.upload("/api/v1/documents", "documents", "Upload a text document (same content: the existing upload, 200)", 201,
                d.open("upload", d.object(), "inserted", d.bool()), "filename", d.str(255), "domain", d.str(JsonBody.MAX_NAME));
        d.list("/api/v1/documents", "documents", "Uploaded documents, newest first (their stats: /documents/{uploadId}/stats)", d.object());
        d.op("GET", "/api/v1/documents/{uploadId}", "documents", "One upload", null, 200, d.object());
        d.op("GET", "/api/v1/documents/{uploadId}/stats", "documents", "A document's retrieval statistics", null, 200, d.object());
        d.op("POST", "/api/v1/documents/query", "documents", "Nearest chunks (Fisher–Rao) to a query text",
                d.obj("text", d.str(JsonBody.MAX_TEXT), "k?", d.integer(1, 1000)), 200,
                d.open("basin", d.ref("Basin"), "phi", d.num(0, 1), "hits", d.arr(d.object())));
    }
}
