package dev.basin.kernel;

import static dev.basin.store.Rows.basin;
import static dev.basin.store.Rows.instant;
import static dev.basin.store.Rows.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.navigation.Landmark;
import dev.basin.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads of the kernel tables (primary keys and the kernel/sequence indexes). */
final class KernelQueries {
    static final String KERNEL_COLUMNS = KernelTables.KERNELS.columnList();
    private static final String CHECKPOINT_COLUMNS = KernelTables.CHECKPOINTS.columnList();

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
        return new Latest(c.getLong("sequence"), new Landmark(c.getString("checkpoint_id"), basin(c, "basin_coordinates"),
                instant(c, "created_at"),
                CheckpointCodec.regime(c.getString(5))));
    }

    /** A checkpoint's kernel and state, with the kernel row locked ({@code FOR UPDATE}) for a restore: one statement. */
    record LockedForRestore(KernelRow kernel, JsonNode stateBlob) {}

    static Optional<LockedForRestore> lockForRestore(Handle h, String checkpointId) {
        return h.createQuery(LOCK_FOR_RESTORE).bind("id", checkpointId)
                .map((rs, ctx) -> new LockedForRestore(kernelRow(rs, ctx), json(rs, "state_blob")))
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
        JsonNode nt = json(rs, "neurotransmitters");
        JsonNode meta = json(rs, "metadata");
        KernelState state = new KernelState(
                basin(rs, "basin"), rs.getDouble("phi"), rs.getDouble("kappa"), rs.getDouble("kappa_eff"),
                CheckpointCodec.regime(rs.getString("regime")),
                new Neurotransmitters(nt.get("dopamine").doubleValue(), nt.get("serotonin").doubleValue(),
                        nt.get("norepinephrine").doubleValue(), nt.get("gaba").doubleValue(),
                        nt.get("acetylcholine").doubleValue()),
                emotions(meta.get("emotions")),
                Rows.stored(rs, "status", KernelStatus.class),
                rs.getLong("step_count"), rs.getLong("rng_state"));
        return new KernelRow(rs.getString("kernel_id"), rs.getString("session_id"), rs.getString("parent_kernel_id"),
                rs.getString("name"), rs.getInt("generation"), state, instant(rs, "created_at"), instant(rs, "updated_at"), meta);
    }

    static CheckpointRow checkpointRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CheckpointRow(rs.getString("checkpoint_id"), rs.getString("kernel_id"), rs.getLong("sequence"),
                Rows.stored(rs, "checkpoint_type", CheckpointType.class), basin(rs, "basin_coordinates"),
                rs.getDouble("phi"), rs.getDouble("kappa_eff"), CheckpointCodec.regime(rs.getString("regime")),
                json(rs, "state_blob"), rs.getString("parent_checkpoint_id"), rs.getInt("size_bytes"), instant(rs, "created_at"),
                json(rs, "metadata"));
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
}
