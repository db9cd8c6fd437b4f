package dev.basin.kernel;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The tables the kernel feature owns, declared once. */
public final class KernelTables {
    static final String OWNER = "kernel";

    public static final Table<KernelRow> KERNELS = Table.<KernelRow>named("kernels")
            .owner(OWNER).key("kernel_id").parent()
            .column("kernel_id", TEXT, KernelRow::kernelId)
            .column("session_id", TEXT, KernelRow::sessionId)
            .column("parent_kernel_id", TEXT, KernelRow::parentKernelId)
            .column("name", TEXT, KernelRow::name)
            .column("generation", INTEGER, KernelRow::generation)
            .column("status", TEXT, r -> r.state().status().sqlName())
            .column("basin", BASIN, r -> r.state().basin())
            .column("phi", DOUBLE, r -> r.state().phi())
            .column("kappa", DOUBLE, r -> r.state().kappa())
            .column("kappa_eff", DOUBLE, r -> r.state().kappaEff())
            .column("regime", TEXT, r -> r.state().regime().sqlName())
            .column("neurotransmitters", JSONB, r -> r.state().neurotransmitters().asMap())
            .column("step_count", BIGINT, r -> r.state().stepCount())
            .column("rng_state", BIGINT, r -> r.state().rngState())
            .column("created_at", TIMESTAMPTZ, KernelRow::createdAt)
            .column("updated_at", TIMESTAMPTZ, KernelRow::updatedAt)
            .column("metadata", JSONB, KernelRow::metadata)
            .constantBecause("session_id", "every kernel of a database written by one session belongs to that session")
            .build();

    public static final Table<CheckpointRow> CHECKPOINTS = Table.<CheckpointRow>named("kernel_checkpoints")
            .owner(OWNER).key("checkpoint_id")
            .column("checkpoint_id", TEXT, CheckpointRow::checkpointId)
            .column("kernel_id", TEXT, CheckpointRow::kernelId)
            .column("sequence", BIGINT, CheckpointRow::sequence)
            .column("checkpoint_type", TEXT, r -> r.type().sqlName())
            .column("basin_coordinates", BASIN, CheckpointRow::basin)
            .column("phi", DOUBLE, CheckpointRow::phi)
            .column("kappa_eff", DOUBLE, CheckpointRow::kappaEff)
            .column("regime", TEXT, r -> r.regime().sqlName())
            .column("state_blob", JSONB, CheckpointRow::stateBlob)
            .column("parent_checkpoint_id", TEXT, CheckpointRow::parentCheckpointId)
            .column("size_bytes", INTEGER, CheckpointRow::sizeBytes)
            .column("created_at", TIMESTAMPTZ, CheckpointRow::createdAt)
            .column("metadata", JSONB, CheckpointRow::metadata)
            .build();

    public static final Table<EmotionRow> EMOTIONS = emotions();

    public static final Table<ThoughtRow> THOUGHTS = Table.<ThoughtRow>named("kernel_thoughts")
            .owner(OWNER).key("thought_id")
            .column("thought_id", TEXT, ThoughtRow::thoughtId)
            .column("kernel_id", TEXT, ThoughtRow::kernelId)
            .column("thought_content", TEXT, ThoughtRow::content)
            .column("thought_type", TEXT, r -> r.type().sqlName())
            .column("event", TEXT, r -> r.event().sqlName())
            .column("phi", DOUBLE, ThoughtRow::phi)
            .column("kappa_eff", DOUBLE, ThoughtRow::kappaEff)
            .column("basin_coordinates", BASIN, ThoughtRow::basin)
            .column("emotional_context", JSONB, r -> r.emotionalContext().asMap())
            .column("related_id", TEXT, ThoughtRow::relatedId)
            .column("created_at", TIMESTAMPTZ, ThoughtRow::createdAt)
            .column("metadata", JSONB, ThoughtRow::metadata)
            .build();

    public static final Table<TransferRow> TRANSFERS = Table.<TransferRow>named("kernel_knowledge_transfers")
            .owner(OWNER).key("transfer_id")
            .column("transfer_id", TEXT, TransferRow::transferId)
            .column("source_kernel_id", TEXT, TransferRow::sourceKernelId)
            .column("target_kernel_id", TEXT, TransferRow::targetKernelId)
            .column("knowledge_type", TEXT, r -> r.type().sqlName())
            .column("knowledge_data", JSONB, TransferRow::data)
            .column("item_count", INTEGER, TransferRow::itemCount)
            .column("transfer_size_bytes", INTEGER, TransferRow::sizeBytes)
            .column("transferred_at", TIMESTAMPTZ, TransferRow::transferredAt)
            .column("metadata", JSONB, TransferRow::metadata)
            .build();

    private KernelTables() {}

    private static Table<EmotionRow> emotions() {
        Table.Builder<EmotionRow> b = Table.<EmotionRow>named("kernel_emotions")
                .owner(OWNER).key("emotion_id")
                .column("emotion_id", TEXT, EmotionRow::emotionId)
                .column("kernel_id", TEXT, EmotionRow::kernelId)
                .column("emotional_vector", JSONB, r -> r.emotions().asMap());
        for (Emotion e : Emotion.values()) {
            b.column(e.sqlName(), DOUBLE, r -> r.emotions().get(e));
        }
        return b.column("dominant_emotion", TEXT, r -> r.emotions().dominant().sqlName())
                .column("emotional_intensity", DOUBLE, r -> r.emotions().intensity())
                .column("phi", DOUBLE, EmotionRow::phi)
                .column("kappa_eff", DOUBLE, EmotionRow::kappaEff)
                .column("trigger", TEXT, r -> r.trigger().sqlName())
                .column("recorded_at", TIMESTAMPTZ, EmotionRow::recordedAt)
                .column("metadata", JSONB, EmotionRow::metadata)
                .build();
    }

    /** Every table of this package, parents first (after {@code sessions}, which {@code runs} owns). */
    public static List<Table<?>> all() {
        return List.of(KERNELS, CHECKPOINTS, EMOTIONS, THOUGHTS, TRANSFERS);
    }
}
