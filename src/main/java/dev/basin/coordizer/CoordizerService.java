package dev.basin.coordizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Upsert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database's coordizer models: the current one (the most recently selected row of {@code coordizer_models}; a
 * database without any gets the shipped {@link DefaultModel} on first use), fitting and selecting models, and text to
 * basin under the current model. Models are immutable and cached by id.
 */
public final class CoordizerService {
    /** Top words per topic kept in {@code coordizer_models.top_words}. */
    public static final int TOP_WORDS = 10;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Upsert KEEP = Upsert.on("model_id").doNothing();
    private static final Upsert SELECT = Upsert.on("model_id").set("selected_at");
    private static final String SUMMARY_COLUMNS = "model_id, topics, vocabulary_size, documents, seed, corpus_hash,"
            + " top_words, '' AS model, fitted_at, selected_at, metadata";

    private final Store store;
    private final Clock clock;
    private final Map<String, TopicModel> cache = new ConcurrentHashMap<>();

    public CoordizerService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A basin and the id of the model that made it. */
    public record Coordized(Basin basin, String model) {}

    /** The current model (installing the shipped default into a database that has none). */
    public TopicModel current() {
        Optional<String> id = currentId();
        if (id.isEmpty()) {
            TopicModel d = DefaultModel.shipped();
            Instant now = clock.instant();
            ObjectNode meta = JSON.objectNode().put("source", "shipped default: Brown Corpus, " + BrownCorpus.RESOURCE);
            store.inTransaction(tx -> tx.upsert(CoordizerTables.MODELS, row(d, now, now, meta), KEEP));
            cache.putIfAbsent(d.id(), d);
            return currentModel();
        }
        return model(id.get());
    }

    private TopicModel currentModel() {
        return model(currentId().orElseThrow(() -> new IllegalStateException("coordizer_models is empty after install")));
    }

    /** The basin of {@code text} under the current model, with that model's id. */
    public Coordized coordize(String text) {
        TopicModel m = current();
        return new Coordized(m.coordize(text), m.id());
    }

    /**
     * {@code basin} named by the topics of {@code modelId}, the model that produced it (stored, current or not): a
     * basin is never named by another model's topics ({@link BasinTopics}).
     */
    public BasinTopics name(Basin basin, String modelId) {
        return BasinTopics.of(model(modelId), basin);
    }

    /** {@code basin} named by the current model's topics: for a basin made now from the current model's basins. */
    public BasinTopics nameCurrent(Basin basin) {
        return BasinTopics.of(current(), basin);
    }

    /** The stored model {@code modelId}; unknown ids are a 404-kind error. */
    public TopicModel model(String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw new InvalidInputException("modelId", "must not be blank");
        }
        TopicModel cached = cache.get(modelId);
        if (cached != null) {
            return cached;
        }
        String stored = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT model FROM coordizer_models WHERE model_id = :id").bind("id", modelId)
                .mapTo(String.class).findOne())
                .orElseThrow(() -> new UnknownIdException("modelId", modelId));
        TopicModel m = ModelCodec.decode(stored, modelId);
        cache.putIfAbsent(modelId, m);
        return m;
    }

    /** The summary row (without the model bytes) of {@code modelId}. */
    public ModelRow row(String modelId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS
                        + " FROM coordizer_models WHERE model_id = :id").bind("id", modelId)
                .map((rs, ctx) -> summary(rs)).findOne())
                .orElseThrow(() -> new UnknownIdException("modelId", modelId));
    }

    /** Every stored model's summary, the current first. */
    public List<ModelRow> models() {
        current();
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS
                + " FROM coordizer_models ORDER BY selected_at DESC, model_id").map((rs, ctx) -> summary(rs)).list());
    }

    /** The result of {@link #fit}: the model, its stored row and the fit time. */
    public record FitResult(TopicModel model, ModelRow row, double fitSeconds) {}

    /**
     * Fits a model on {@code texts} and makes it the current model (earlier basins keep their model's name). Fitting
     * the same texts with the same parameters again gives the same model id; it is then selected again.
     */
    public FitResult fit(List<String> texts, FitParams params, JsonNode source) {
        long t0 = System.nanoTime();
        TopicModel m = NmfFit.fit(texts, params);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Instant now = nextSelection();
        ObjectNode meta = JSON.objectNode().put("fit_seconds", seconds);
        meta.set("source", source);
        ObjectNode p = meta.putObject("params");
        p.put("iterations", params.iterations()).put("min_df", params.minDf()).put("max_df_fraction",
                params.maxDfFraction()).put("max_vocabulary", params.maxVocabulary()).put("unit_words",
                params.unitWords()).put("smoothing", params.smoothing());
        ModelRow row = row(m, now, now, meta);
        store.useTransaction(tx -> tx.upsert(CoordizerTables.MODELS, row, SELECT));
        cache.putIfAbsent(m.id(), m);
        return new FitResult(m, row(m.id()), seconds);
    }

    /** Makes the stored model {@code modelId} current. */
    public TopicModel select(String modelId) {
        TopicModel m = model(modelId);
        ModelRow existing = row(modelId);
        ModelRow again = new ModelRow(existing.modelId(), existing.topics(), existing.vocabularySize(),
                existing.documents(), existing.seed(), existing.corpusHash(), existing.topWords(), ModelCodec.encode(m),
                existing.fittedAt(), nextSelection(), existing.metadata());
        store.useTransaction(tx -> tx.upsert(CoordizerTables.MODELS, again, SELECT));
        return m;
    }

    /**
     * Refuses to compare basins of two different models: {@code what} names the comparison (e.g. "query"). Basins of
     * different models live in different coordinate systems, so their distance means nothing.
     */
    public static void requireSameModel(String field, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            throw new ConflictException(field, "was coordized by model " + actual + ", not by " + expected
                    + ": basins of different coordizer models are never compared");
        }
    }

    /**
     * The selection time of a model made current now: the clock's instant, or 1 µs after the latest selection if
     * that is not earlier (a fixed or simulated clock must still make the newest selection the current one).
     */
    private Instant nextSelection() {
        Instant now = clock.instant();
        Optional<Instant> latest = store.jdbi().withHandle(h -> h.createQuery(
                "SELECT max(selected_at) AS latest FROM coordizer_models")
                .map((rs, ctx) -> Optional.ofNullable(Rows.instant(rs, "latest"))).one());
        if (latest.isPresent() && !now.isAfter(latest.get())) {
            return latest.get().plusNanos(1_000);
        }
        return now;
    }

    private Optional<String> currentId() {
        return store.jdbi().withHandle(h -> h.createQuery(
                "SELECT model_id FROM coordizer_models ORDER BY selected_at DESC, model_id LIMIT 1")
                .mapTo(String.class).findOne());
    }

    private static ModelRow row(TopicModel m, Instant fitted, Instant selected, JsonNode meta) {
        ArrayNode top = JSON.arrayNode();
        for (int j = 0; j < m.params().topics(); j++) {
            ArrayNode words = top.addArray();
            m.topWords(j, TOP_WORDS).forEach(words::add);
        }
        return new ModelRow(m.id(), m.params().topics(), m.vocabularySize(), m.documents(), m.params().seed(),
                m.corpusHash(), top, ModelCodec.encode(m), fitted, selected, meta);
    }

    private ModelRow summary(ResultSet rs) throws SQLException {
        return new ModelRow(rs.getString("model_id"), rs.getInt("topics"), rs.getInt("vocabulary_size"),
                rs.getInt("documents"), rs.getLong("seed"), rs.getString("corpus_hash"),
                Rows.json(rs, "top_words"), null, Rows.instant(rs, "fitted_at"),
                Rows.instant(rs, "selected_at"), Rows.json(rs, "metadata"));
    }
}
