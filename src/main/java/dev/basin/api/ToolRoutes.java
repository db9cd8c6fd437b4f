package dev.basin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.rag.DocumentService;
import dev.basin.rag.IngestResult;
import dev.basin.rag.QueryResult;
import dev.basin.tools.Detection;
import dev.basin.tools.DomainSignal;
import dev.basin.tools.InsightRow;
import dev.basin.tools.InsightService;
import dev.basin.tools.OutcomeResult;
import dev.basin.tools.OutcomeRow;
import dev.basin.tools.ToolDraft;
import dev.basin.tools.ToolService;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tools, lightning insights and documents over HTTP: register, list and record uses of generated tools; detect an
 * insight between two domain signals and record its outcome; upload (deduplicated by content), list, query and
 * read the stats of documents.
 */
final class ToolRoutes {
    static final Set<String> UPLOAD_TYPES = Set.of("text/plain", "text/markdown");

    private final Requests requests;
    private final ToolService tools;
    private final InsightService insights;
    private final DocumentService documents;

    ToolRoutes(Requests requests, ToolService tools, InsightService insights, DocumentService documents) {
        this.requests = requests;
        this.tools = tools;
        this.insights = insights;
        this.documents = documents;
    }

    void register(RoutesConfig r) {
        r.post("/api/v1/tools", ctx -> {
            JsonBody b = requests.json(ctx);
            String name = b.string("name", 63);
            String description = b.string("description", JsonBody.MAX_TEXT);
            ObjectNode input = b.object("inputSchema");
            ObjectNode output = b.object("outputSchema");
            ObjectNode implementation = b.object("implementation");
            String by = b.optionalId("generatedBy", "krn_").orElse(null);
            String method = b.choice("generationMethod", ToolService.METHODS);
            double phi = b.number("phiScore", 0, 1);
            b.finish();
            ctx.status(201).json(tools.register(new ToolDraft(name, description, input, output, implementation, by, method, phi)));
        });
        r.get("/api/v1/tools", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(tools.tools(page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
        r.get("/api/v1/tools/{toolId}", ctx -> ctx.json(Json.fields(tools.tool(Params.id(ctx, "toolId", "tool_")))));
        r.post("/api/v1/tools/{toolId}/uses", ctx -> {
            String id = Params.id(ctx, "toolId", "tool_");
            JsonBody b = requests.json(ctx);
            boolean success = b.bool("success", true);
            if (!b.has("success")) {
                throw ApiProblem.badRequest("success", "is missing");
            }
            b.finish();
            tools.recordUse(id, success);
            ctx.status(201).json(Json.fields(tools.tool(id)));
        });
        r.post("/api/v1/insights/detect", ctx -> {
            JsonBody b = requests.json(ctx);
            String kernel = b.id("kernelId", "krn_");
            DomainSignal a = signal(b, "a");
            DomainSignal c = signal(b, "b");
            b.finish();
            Detection d = insights.detect(kernel, a, c);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", d.status().name().toLowerCase(java.util.Locale.ROOT));
            out.put("distance", d.distance());
            out.put("insight", d.insight().orElse(null));
            out.put("reason", d.reason());
            ctx.status(d.insight().isPresent() ? 201 : 200).json(out);
        });
        r.get("/api/v1/insights", ctx -> {
            Page page = Page.of(ctx);
            List<InsightRow> fetched = insights.insights(page.fetch(), page.offset());
            Map<String, OutcomeRow> outcomes = insights.outcomes(fetched);
            ctx.json(page.answer(fetched.stream().map(i -> insight(i, outcomes.get(i.insightId()))).toList()));
        });
        r.get("/api/v1/insights/{insightId}", ctx -> {
            String id = Params.id(ctx, "insightId", "ins_");
            ctx.json(insight(insights.insight(id), insights.outcome(id).orElse(null)));
        });
        r.post("/api/v1/insights/{insightId}/outcome", ctx -> {
            String id = Params.id(ctx, "insightId", "ins_");
            JsonBody b = requests.json(ctx);
            double phiBefore = b.number("phiBefore", 0, 1);
            double phiAfter = b.number("phiAfter", 0, 1);
            double kappaBefore = b.number("kappaBefore", 0, 1e6);
            double kappaAfter = b.number("kappaAfter", 0, 1e6);
            b.finish();
            if (insights.outcome(id).isPresent()) {
                throw ApiProblem.conflict("insightId", "already has a recorded outcome");
            }
            OutcomeResult res = insights.recordOutcome(id, phiBefore, phiAfter, kappaBefore, kappaAfter);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("outcome", res.outcome());
            out.put("falsePattern", res.falsePattern().orElse(null));
            ctx.status(201).json(out);
        });
        r.post("/api/v1/documents", ctx -> {
            String filename = Params.filename(ctx, "filename");
            String domain = Params.text(ctx, "domain", JsonBody.MAX_NAME);
            String text = requests.text(ctx, UPLOAD_TYPES);
            IngestResult res = documents.ingest(filename, domain, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("upload", res.upload());
            out.put("inserted", res.inserted());
            ctx.status(res.inserted() ? 201 : 200).json(out);
        });
        r.get("/api/v1/documents", ctx -> {
            Page page = Page.of(ctx);
            ctx.json(page.answer(documents.uploads(page.fetch(), page.offset()).stream().map(Json::fields).toList()));
        });
        r.get("/api/v1/documents/{uploadId}", ctx -> ctx.json(Json.fields(documents.upload(Params.id(ctx, "uploadId", "rag_")))));
        r.get("/api/v1/documents/{uploadId}/stats", ctx -> ctx.json(documents.stats(Params.id(ctx, "uploadId", "rag_"))));
        r.post("/api/v1/documents/query", ctx -> {
            JsonBody b = requests.json(ctx);
            String text = b.string("text", JsonBody.MAX_TEXT);
            int k = (int) b.optionalInteger("k", 1, 1000).orElse(5L).longValue();
            b.finish();
            QueryResult res = documents.query(text, k);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("basin", res.queryBasin());
            out.put("phi", res.phi());
            out.put("hits", res.hits());
            ctx.json(out);
        });
    }

    /** An insight with its recorded outcome (null until one is recorded). */
    static Map<String, Object> insight(InsightRow i, OutcomeRow outcome) {
        Map<String, Object> m = Json.fields(i);
        m.put("outcome", outcome);
        return m;
    }

    private static DomainSignal signal(JsonBody b, String name) {
        ObjectNode o = b.object(name);
        String p = b.path(name);
        if (o.get("domain") == null || o.get("basin") == null || o.get("phi") == null || o.size() != 3) {
            throw ApiProblem.badRequest(p, "must be {\"domain\", \"basin\", \"phi\"}");
        }
        String domain = Texts.nonBlank(p + ".domain", JsonBody.stringAt(o.get("domain"), p + ".domain"), JsonBody.MAX_NAME);
        Basin basin = JsonBody.basinAt(o.get("basin"), p + ".basin");
        double phi = JsonBody.numberAt(o.get("phi"), p + ".phi");
        if (phi < 0 || phi > 1) {
            throw new dev.basin.geometry.InvalidInputException(p + ".phi", "must be in [0, 1], is " + phi);
        }
        return new DomainSignal(domain, basin, phi);
    }

    static List<String> uploadTypes() {
        return List.copyOf(UPLOAD_TYPES);
    }
}
