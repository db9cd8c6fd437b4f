package dev.basin.coordizer;

import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The table owned by {@code coordizer}, declared once. */
public final class CoordizerTables {
    public static final String OWNER = "coordizer";

    /** Fitted models; a parent table: every text basin (rag chunks and uploads) names one of its rows. */
    public static final Table<ModelRow> MODELS = Table.<ModelRow>named("coordizer_models")
            .owner(OWNER)
            .key("model_id")
            .column("model_id", TEXT, ModelRow::modelId)
            .column("topics", INTEGER, ModelRow::topics)
            .column("vocabulary_size", INTEGER, ModelRow::vocabularySize)
            .column("documents", INTEGER, ModelRow::documents)
            .column("seed", BIGINT, ModelRow::seed)
            .column("corpus_hash", TEXT, ModelRow::corpusHash)
            .column("top_words", JSONB, ModelRow::topWords)
            .column("model", TEXT, ModelRow::model)
            .column("fitted_at", TIMESTAMPTZ, ModelRow::fittedAt)
            .column("selected_at", TIMESTAMPTZ, ModelRow::selectedAt)
            .column("metadata", JSONB, ModelRow::metadata)
            .constantBecause("topics", "a basin has 64 entries")
            .parent()
            .build();

    private CoordizerTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(MODELS);
    }
}
