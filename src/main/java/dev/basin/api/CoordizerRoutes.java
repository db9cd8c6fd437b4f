package dev.basin.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.coordizer.CoordizerService;
import dev.basin.coordizer.FitParams;
import dev.basin.coordizer.ModelRow;
import dev.basin.coordizer.TopicModel;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The coordizer over HTTP (docs/coordizer.md): the current model with its topics' top words, every stored model, one
 * model by id (404 for an unknown id), and fitting a new current model on texts sent in the body.
 */
final class CoordizerRoutes {
    /** Most texts one fit request may hold. */
    static final int MAX_FIT_TEXTS = 10_000;
    /** Longest text of a fit request. */
    static final int MAX_FIT_TEXT_CHARS = 100_000;
    private static final Pattern MODEL_ID = Pattern.compile("^" + TopicModel.ID_PREFIX + "[0-9a-f]{16}$");

    private final Requests requests;
    private final CoordizerService coordizer;

    CoordizerRoutes(Requests requests, CoordizerService coordizer) {
        this.requests = requests;
        this.coordizer = coordizer;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/coordizer", ctx -> {
            TopicModel m = coordizer.current();
            ctx.json(CoordizerJson.model(coordizer.row(m.id()), true));
        });
        r.get("/api/v1/coordizer/models", ctx -> {
            String current = coordizer.current().id();
            List<Map<String, Object>> out = new ArrayList<>();
            for (ModelRow row : coordizer.models()) {
                out.add(CoordizerJson.model(row, row.modelId().equals(current)));
            }
            ctx.json(Map.of("models", out));
        });
        r.get("/api/v1/coordizer/models/{modelId}", ctx -> {
            String id = ctx.pathParam("modelId");
            if (!MODEL_ID.matcher(id).matches()) {
                throw ApiProblem.badRequest("modelId", "must look like " + TopicModel.ID_PREFIX + "<16 hex digits>, is \""
                        + Texts.clip(Texts.printable(id)) + "\"");
            }
            String current = coordizer.current().id();
            ctx.json(CoordizerJson.model(coordizer.row(id), id.equals(current)));
        });
        r.post("/api/v1/coordizer/fit", ctx -> {
            JsonBody b = requests.json(ctx);
            List<String> texts = b.strings("texts", MAX_FIT_TEXTS, MAX_FIT_TEXT_CHARS);
            long seed = b.optionalInteger("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(FitParams.DEFAULT_SEED);
            int topics = (int) b.optionalInteger("topics", 1, 1_000).orElse(64L).longValue();
            b.finish();
            FitParams params = FitParams.defaults().withTopics(topics).withSeed(seed);
            CoordizerService.FitResult fit = coordizer.fit(texts, params,
                    JsonNodeFactory.instance.objectNode().put("source", "POST /api/v1/coordizer/fit")
                            .put("texts", texts.size()));
            ctx.status(201).json(CoordizerJson.model(fit.row(), true));
        });
    }
}
