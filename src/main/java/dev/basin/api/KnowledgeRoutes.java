package dev.basin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.knowledge.CrossPatternRow;
import dev.basin.knowledge.CrossPatternService;
import dev.basin.knowledge.DetectionMethod;
import dev.basin.knowledge.FalsePatternDraft;
import dev.basin.knowledge.FalsePatternService;
import dev.basin.knowledge.FragmentType;
import dev.basin.knowledge.MemoryService;
import dev.basin.knowledge.ScaleMappingService;
import dev.basin.rag.DocumentService;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Knowledge over HTTP: cross patterns (discover over the stored documents, list), scale mappings (list), false
 * pattern classes (register, list, test a candidate), memory fragments of a kernel (remember, list).
 */
final class KnowledgeRoutes {
    private final Requests requests;
    private final CrossPatternService patterns;
    private final FalsePatternService falsePatterns;
    private final MemoryService memory;
    private final DocumentService documents;
    private final ScaleMappingService scaleMappings;

    KnowledgeRoutes(Requests requests, CrossPatternService patterns, FalsePatternService falsePatterns, MemoryService memory,
            DocumentService documents, ScaleMappingService scaleMappings) {
        this.requests = requests;
        this.patterns = patterns;
        this.falsePatterns = falsePatterns;
        this.memory = memory;
        this.documents = documents;
        this.scaleMappings = scaleMappings;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/knowledge/cross-patterns/discover", ctx -> {
            requests.optionalJson(ctx).finish();
            ctx.json(Map.of("discoveries", patterns.discover(documents, List.of())));
        });
        r.get("/api/v1/knowledge/cross-patterns", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(patterns.patterns(page.fetch(), page.offset()).stream().map(KnowledgeRoutes::crossPattern).toList()));
        });
        r.get("/api/v1/knowledge/scale-mappings", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(scaleMappings.mappings(page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
        r.post("/api/v1/knowledge/false-patterns", ctx -> {
            JsonBody b = requests.json(ctx);
            String description = b.string("description", JsonBody.MAX_TEXT);
            String reason = b.string("falseReason", JsonBody.MAX_TEXT);
            DetectionMethod method = b.choice("detectionMethod", DetectionMethod.class);
            Basin signature = b.basin("signature");
            double radius = b.number("radius", 0, Math.PI);
            com.fasterxml.jackson.databind.node.ArrayNode examples = b.optionalArray("exampleCases").orElseGet(() -> {
                com.fasterxml.jackson.databind.node.ArrayNode a = requests.mapper().createArrayNode();
                a.addObject().put("source", "api").put("description", description);
                return a;
            });
            b.finish();
            ctx.status(201).json(Json.fields(falsePatterns.register(new FalsePatternDraft(description, reason, method, signature, radius, examples))));
        });
        r.get("/api/v1/knowledge/false-patterns", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(falsePatterns.falsePatterns(page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
        r.post("/api/v1/knowledge/false-patterns/check", ctx -> {
            JsonBody b = requests.json(ctx);
            Basin candidate = b.basin("basin");
            b.finish();
            Map<String, Object> out = new LinkedHashMap<>();
            falsePatterns.isAvoided(candidate).ifPresentOrElse(a -> {
                out.put("avoided", true);
                out.put("patternId", a.pattern().patternId());
                out.put("distance", a.distance());
            }, () -> out.put("avoided", false));
            ctx.json(out);
        });
        r.post("/api/v1/kernels/{kernelId}/fragments", ctx -> {
            String kernel = Params.id(ctx, "kernelId", "krn_");
            JsonBody b = requests.json(ctx);
            FragmentType type = b.choice("type", FragmentType.class);
            ObjectNode content = b.object("content");
            Basin basin = b.basin("basin");
            double importance = b.number("importance", 0, 1e6);
            b.finish();
            ctx.status(201).json(Json.fields(memory.remember(kernel, type, content, basin, importance)));
        });
        r.get("/api/v1/kernels/{kernelId}/fragments", ctx -> {
            String kernel = Params.id(ctx, "kernelId", "krn_");
            Page page = Page.of(ctx);
            ctx.json(page.answer(memory.fragments(kernel, page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
    }

    /** A cross pattern; its member-set key is internal (the content hash that merges re-discoveries). */
    static Map<String, Object> crossPattern(CrossPatternRow p) {
        Map<String, Object> m = Json.fields(p);
        m.remove("patternKey");
        return m;
    }

}
