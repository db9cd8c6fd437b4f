package dev.basin.rag;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The tables owned by {@code rag}, each declared once. */
public final class RagTables {
    public static final String OWNER = "rag";

    public static final Table<UploadRow> UPLOADS = Table.<UploadRow>named("rag_uploads")
            .owner(OWNER)
            .key("upload_id")
            .column("upload_id", TEXT, UploadRow::uploadId)
            .column("filename", TEXT, UploadRow::filename)
            .column("domain", TEXT, UploadRow::domain)
            .column("content_hash", TEXT, UploadRow::contentHash)
            .column("byte_size", BIGINT, UploadRow::byteSize)
            .column("chunk_count", INTEGER, UploadRow::chunkCount)
            .column("embedding_model", TEXT, UploadRow::embeddingModel)
            .column("uploaded_at", TIMESTAMPTZ, UploadRow::uploadedAt)
            .column("metadata", JSONB, UploadRow::metadata)
            .constantBecause("embedding_model", "one current coordizer model per session")
            .build();

    public static final Table<ChunkRow> CHUNKS = Table.<ChunkRow>named("rag_chunks")
            .owner(OWNER)
            .key("chunk_id")
            .column("chunk_id", TEXT, ChunkRow::chunkId)
            .column("upload_id", TEXT, ChunkRow::uploadId)
            .column("ordinal", INTEGER, ChunkRow::ordinal)
            .column("content", TEXT, ChunkRow::content)
            .column("basin", BASIN, ChunkRow::basin)
            .column("embedding_model", TEXT, ChunkRow::embeddingModel)
            .column("created_at", TIMESTAMPTZ, ChunkRow::createdAt)
            .column("metadata", JSONB, ChunkRow::metadata)
            .constantBecause("embedding_model", "one current coordizer model per session")
            .parent()
            .build();

    public static final Table<TrainingStatsRow> TRAINING_STATS = Table.<TrainingStatsRow>named("document_training_stats")
            .owner(OWNER)
            .key("document_id")
            .column("document_id", TEXT, TrainingStatsRow::documentId)
            .column("total_queries", BIGINT, TrainingStatsRow::totalQueries)
            .column("total_hits", BIGINT, TrainingStatsRow::totalHits)
            .column("avg_phi_score", DOUBLE, TrainingStatsRow::avgPhiScore)
            .column("last_query_at", TIMESTAMPTZ, TrainingStatsRow::lastQueryAt)
            .column("created_at", TIMESTAMPTZ, TrainingStatsRow::createdAt)
            .column("last_updated", TIMESTAMPTZ, TrainingStatsRow::lastUpdated)
            .column("metadata", JSONB, TrainingStatsRow::metadata)
            .build();

    private RagTables() {}

    /** Every table of this package, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(UPLOADS, CHUNKS, TRAINING_STATS);
    }
}
