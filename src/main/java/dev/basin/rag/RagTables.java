package dev.basin.rag;

import dev.basin.store.Table;
import java.util.List;

/** The tables owned by {@code rag}, each declared once. */
public final class RagTables {
    public static final String OWNER = "rag";

    public static final Table<UploadRow> UPLOADS = Table.of(UploadRow.class, "rag_uploads")
            .owner(OWNER).key("upload_id")
            .constantBecause("embedding_model", "one current coordizer model per session")
            .build();

    public static final Table<ChunkRow> CHUNKS = Table.of(ChunkRow.class, "rag_chunks")
            .owner(OWNER).key("chunk_id")
            .constantBecause("embedding_model", "one current coordizer model per session")
            .parent()
            .build();

    public static final Table<TrainingStatsRow> TRAINING_STATS =
            Table.of(TrainingStatsRow.class, "document_training_stats")
            .owner(OWNER).key("document_id")
            .build();

    private RagTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(UPLOADS, CHUNKS, TRAINING_STATS);
    }
}
