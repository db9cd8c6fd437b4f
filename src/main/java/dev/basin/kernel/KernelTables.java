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

    public static final Table<CheckpointRow> CHECKPOINTS = Table.of(CheckpointRow.class, "kernel_checkpoints")
            .owner(OWNER).key("checkpoint_id")
            .rename("type", "checkpoint_type")
            .rename("basin", "basin_coordinates")
            .build();

    public static final Table<EmotionRow> EMOTIONS = emotions();

    public static final Table<ThoughtRow> THOUGHTS = Table.of(ThoughtRow.class, "kernel_thoughts")
            .owner(OWNER).key("thought_id")
            .rename("content", "thought_content")
            .rename("type", "thought_type")
            .rename("basin", "basin_coordinates")
            .value("emotional_context", r -> r.emotionalContext().asMap())
            .build();

    public static final Table<TransferRow> TRANSFERS = Table.of(TransferRow.class, "kernel_knowledge_transfers")
            .owner(OWNER).key("transfer_id")
            .rename("type", "knowledge_type")
            .rename("data", "knowledge_data")
            .rename("sizeBytes", "transfer_size_bytes")
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
