package dev.basin.rag;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;

import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads of the rag tables (each by primary key or a unique/FK index). */
final class RagQueries {
    private static final String UPLOAD_COLUMNS = RagTables.UPLOADS.columnList();


    Optional<UploadRow> uploadByHash(Handle h, String hash) {
        return h.createQuery("SELECT " + UPLOAD_COLUMNS + " FROM rag_uploads WHERE content_hash = :h")
                .bind("h", hash).map((rs, ctx) -> upload(rs)).findOne();
    }

    Optional<UploadRow> upload(Handle h, String uploadId) {
        return h.createQuery("SELECT " + UPLOAD_COLUMNS + " FROM rag_uploads WHERE upload_id = :id")
                .bind("id", uploadId).map((rs, ctx) -> upload(rs)).findOne();
    }

    /** A page of the uploads, newest first. */
    List<UploadRow> uploads(Handle h, int limit, int offset) {
        return Rows.page(h, "SELECT " + UPLOAD_COLUMNS + " FROM rag_uploads ORDER BY uploaded_at DESC, upload_id", limit, offset)
                .map((rs, ctx) -> upload(rs)).list();
    }

    List<ChunkRow> chunks(Handle h, String uploadId) {
        return h.createQuery("SELECT " + RagTables.CHUNKS.columnList()
                        + " FROM rag_chunks WHERE upload_id = :id ORDER BY ordinal")
                .bind("id", uploadId).map((rs, ctx) -> chunk(rs)).list();
    }

    /** Every chunk with its document's domain, for the in-memory index. */
    List<IndexedChunk> allChunks(Handle h) {
        return h.createQuery("SELECT c.chunk_id, c.upload_id, u.domain, c.ordinal, c.content, c.basin, c.embedding_model"
                        + " FROM rag_chunks c JOIN rag_uploads u ON u.upload_id = c.upload_id ORDER BY c.upload_id, c.ordinal")
                .map((rs, ctx) -> new IndexedChunk(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), basin(rs, "basin"), rs.getString(7)))
                .list();
    }

    Optional<TrainingStatsRow> stats(Handle h, String documentId) {
        return h.createQuery("SELECT " + RagTables.TRAINING_STATS.columnList()
                        + " FROM document_training_stats WHERE document_id = :id")
                .bind("id", documentId)
                .map((rs, ctx) -> new TrainingStatsRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                        instant(rs, "last_query_at"), instant(rs, "created_at"), instant(rs, "last_updated"),
                        Rows.json(rs, "metadata")))
                .findOne();
    }

    private UploadRow upload(ResultSet rs) throws SQLException {
        return new UploadRow(rs.getString("upload_id"), rs.getString("filename"), rs.getString("domain"),
                rs.getString("content_hash"), rs.getLong("byte_size"), rs.getInt("chunk_count"),
                rs.getString("embedding_model"), instant(rs, "uploaded_at"), Rows.json(rs, "metadata"));
    }

    private ChunkRow chunk(ResultSet rs) throws SQLException {
        return new ChunkRow(rs.getString("chunk_id"), rs.getString("upload_id"), rs.getInt("ordinal"),
                rs.getString("content"), basin(rs, "basin"), rs.getString("embedding_model"), instant(rs, "created_at"),
                Rows.json(rs, "metadata"));
    }
}
