package dev.basin.coordizer;

import dev.basin.store.Table;
import java.util.List;

/** The table owned by {@code coordizer}, declared once. */
public final class CoordizerTables {
    public static final String OWNER = "coordizer";

    /** Fitted models; a parent table: every text basin (rag chunks and uploads) names one of its rows. */
    public static final Table<ModelRow> MODELS = Table.of(ModelRow.class, "coordizer_models")
            .owner(OWNER).key("model_id")
            .constantBecause("topics", "a basin has 64 entries")
            .parent()
            .build();

    private CoordizerTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(MODELS);
    }
}
