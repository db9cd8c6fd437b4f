package dev.basin.api;

import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.ModelRow;
import dev.basin.coordizer.TopicModel;
import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of coordizer answers, shared by the REST routes (the CLI builds the same). */
final class CoordizerJson {
    private CoordizerJson() {}

    /** {@code {"model":id,"topics":"topics 12 (court, law, jury) and …","words":[{"word":w,"stem":s,"distance":d}...]}}. */
    static Map<String, Object> decode(TopicModel model, Basin basin, int k) {
        List<Map<String, Object>> words = new ArrayList<>();
        for (TopicModel.WordDistance w : model.decode(basin, Math.min(k, model.vocabularySize()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("word", w.word());
            m.put("stem", w.stem());
            m.put("distance", w.distance());
            words.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model.id());
        out.put("topics", BasinTopics.of(model, basin).text());
        out.put("words", words);
        return out;
    }

    /** A model's summary: id, sizes, seed, corpus hash, times, metadata and each topic's top words. */
    static Map<String, Object> model(ModelRow row, boolean current) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("modelId", row.modelId());
        out.put("current", current);
        out.put("topics", row.topics());
        out.put("vocabularySize", row.vocabularySize());
        out.put("documents", row.documents());
        out.put("seed", row.seed());
        out.put("corpusHash", row.corpusHash());
        out.put("fittedAt", row.fittedAt());
        out.put("selectedAt", row.selectedAt());
        out.put("metadata", row.metadata());
        out.put("topWords", row.topWords());
        return out;
    }
}
