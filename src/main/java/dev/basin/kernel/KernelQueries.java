package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.Basin;
import dev.basin.navigation.Landmark;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads of the kernel tables (primary keys and the kernel/sequence indexes). */
final class KernelQueries {
    static final String KERNEL_COLUMNS = "kernel_id, session_id, parent_kernel_id, name, generation, status, "
            + "basin, phi, kappa, kappa_eff, regime, neurotransmitters, step_count, rng_state, created_at, updated_at, "
            + "metadata";
    private static final String CHECKPOINT_COLUMNS = "checkpoint_id, kernel_id, sequence, checkpoint_type, "
            + "basin_coordinates, phi, kappa_eff, regime, state_blob, parent_checkpoint_id, size_bytes, created_at, "
            + "metadata";

    private static final String LATEST = "SELECT checkpoint_id, sequence, basin_coordinates, created_at, regime "
            + "FROM kernel_checkpoints WHERE kernel_id = :id ORDER BY sequence DESC LIMIT 1";
    private static final String LOCK_FOR_SAVE = "SELECT " + KERNEL_COLUMNS + " FROM kernels WHERE kernel_id = :id FOR UPDATE; "
            + LATEST;
    private static final String LOCK_FOR_RESTORE = "SELECT " + KERNEL_COLUMNS.replaceAll("(\\w+)", "k.$1")
            + ", c.state_blob FROM kernel_checkpoints c JOIN kernels k ON k.kernel_id = c.kernel_id "
            + "WHERE c.checkpoint_id = :id FOR UPDATE OF k";

    private KernelQueries() {}

    static Optional<KernelRow> kernel(Handle h, String kernelId, boolean forUpdate) {
        return h.createQuery("SELECT " + KERNEL_COLUMNS + " FROM kernels WHERE kernel_id = :id"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", kernelId).map(KernelQueries::kernelRow).findOne();
    }

    /** A kernel row locked for a checkpoint, with its latest checkpoint (null if it has none). */
    record LockedForSave(KernelRow kernel, Latest latest) {}

    /** A kernel's latest checkpoint: its sequence and its landmark (the space-time link's start). */
    record Latest(long sequence, Landmark landmark) {}

    /**
     * Locks the kernel row ({@code FOR UPDATE}) and reads its latest checkpoint, in one round trip: two statements sent
     * together, the second run after the lock is granted on a snapshot of its own, so it sees a checkpoint committed by
     * a save this one waited for (one statement with a join would read the checkpoints as they were before the wait).
     */
    static Optional<LockedForSave> lockForSave(Handle h, String kernelId) {
        return h.createQuery(LOCK_FOR_SAVE).bind("id", kernelId)
                .scanResultSet((first, ctx) -> {
                    ResultSet k = first.get();
                    if (!k.next()) {
                        return Optional.<LockedForSave>empty();
                    }
                    KernelRow kernel = kernelRow(k, ctx);
                    java.sql.Statement st = ctx.getStatement();
                    if (!st.getMoreResults()) {
                        throw new IllegalStateException("no result for the latest checkpoint of " + kernelId);
                    }
                    try (ResultSet c = st.getResultSet()) {
                        return Optional.of(new LockedForSave(kernel, c.next() ? latest(c, ctx) : null));
                    }
                });
    }

    /** A kernel's latest checkpoint, or null if it has none. */
    static Latest latest(Handle h, String kernelId) {
        return h.createQuery(LATEST).bind("id", kernelId).map(KernelQueries::latest).findOne().orElse(null);
    }

    /** The landmark of one checkpoint, if it exists. */
    static Optional<Landmark> landmark(Handle h, String checkpointId) {
        return h.createQuery("SELECT checkpoint_id, sequence, basin_coordinates, created_at, regime FROM kernel_checkpoints "
                        + "WHERE checkpoint_id = :id")
                .bind("id", checkpointId).map((rs, ctx) -> latest(rs, ctx).landmark()).findOne();
    }

    private static Latest latest(ResultSet c, StatementContext ctx) throws SQLException {
        return new Latest(c.getLong(2), new Landmark(c.getString(1), basin(c, 3, ctx), instant(c, 4, ctx),
                CheckpointCodec.regime(c.getString(5))));
    }

    /** A checkpoint's kernel and state, with the kernel row locked ({@code FOR UPDATE}) for a restore: one statement. */
    record LockedForRestore(KernelRow kernel, JsonNode stateBlob) {}

    static Optional<LockedForRestore> lockForRestore(Handle h, String checkpointId) {
        return h.createQuery(LOCK_FOR_RESTORE).bind("id", checkpointId)
                .map((rs, ctx) -> new LockedForRestore(kernelRow(rs, ctx), json(rs, 18, ctx)))
                .findOne();
    }

    static int kernelsInSession(Handle h, String sessionId) {
        return h.createQuery("SELECT count(*) FROM kernels WHERE session_id = :s").bind("s", sessionId)
                .mapTo(Integer.class).one();
    }

    static Optional<CheckpointRow> checkpoint(Handle h, String checkpointId) {
        return h.createQuery("SELECT " + CHECKPOINT_COLUMNS + " FROM kernel_checkpoints WHERE checkpoint_id = :id")
                .bind("id", checkpointId).map(KernelQueries::checkpointRow).findOne();
    }

    static Optional<CheckpointRow> latestCheckpoint(Handle h, String kernelId) {
        return h.createQuery("SELECT " + CHECKPOINT_COLUMNS + " FROM kernel_checkpoints WHERE kernel_id = :k "
                        + "ORDER BY sequence DESC LIMIT 1")
                .bind("k", kernelId).map(KernelQueries::checkpointRow).findOne();
    }

    /** A kernel's checkpoints, newest first. */
    static List<CheckpointRow> checkpoints(Handle h, String kernelId) {
        return h.createQuery("SELECT " + CHECKPOINT_COLUMNS + " FROM kernel_checkpoints WHERE kernel_id = :k "
                        + "ORDER BY sequence DESC")
                .bind("k", kernelId).map(KernelQueries::checkpointRow).list();
    }

    static KernelRow kernelRow(ResultSet rs, StatementContext ctx) throws SQLException {
        JsonNode nt = json(rs, 12, ctx);
        JsonNode meta = json(rs, 17, ctx);
        KernelState state = new KernelState(
                basin(rs, 7, ctx), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10),
                CheckpointCodec.regime(rs.getString(11)),
                new Neurotransmitters(nt.get("dopamine").doubleValue(), nt.get("serotonin").doubleValue(),
                        nt.get("norepinephrine").doubleValue(), nt.get("gaba").doubleValue(),
                        nt.get("acetylcholine").doubleValue()),
                emotions(meta.get("emotions")),
                KernelStatus.parse("status", rs.getString(6)),
                rs.getLong(13), rs.getLong(14));
        return new KernelRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), state,
                instant(rs, 15, ctx), instant(rs, 16, ctx), meta);
    }

    static CheckpointRow checkpointRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CheckpointRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                CheckpointType.parse("checkpoint_type", rs.getString(4)), basin(rs, 5, ctx), rs.getDouble(6),
                rs.getDouble(7), CheckpointCodec.regime(rs.getString(8)), json(rs, 9, ctx), rs.getString(10),
                rs.getInt(11), instant(rs, 12, ctx), json(rs, 13, ctx));
    }

    static EmotionVector emotions(JsonNode e) {
        if (e == null || !e.isObject()) {
            return EmotionVector.neutral();
        }
        double[] v = new double[9];
        for (Emotion x : Emotion.values()) {
            JsonNode n = e.get(x.sqlName());
            v[x.ordinal()] = n == null ? 0.0 : n.doubleValue();
        }
        return new EmotionVector(v);
    }

    static Basin basin(ResultSet rs, int col, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Basin.class).orElseThrow().map(rs, col, ctx);
    }

    static JsonNode json(ResultSet rs, int col, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(JsonNode.class).orElseThrow().map(rs, col, ctx);
    }

    static Instant instant(ResultSet rs, int col, StatementContext ctx) throws SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, col, ctx);
    }
}
