package dev.basin.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Delete;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves, restores and prunes kernel checkpoints. A checkpoint's {@code state_blob} is {@link CheckpointCodec} JSON;
 * each checkpoint points to the previous one of its kernel ({@code parent_checkpoint_id}, numbered by
 * {@code sequence}), and after it commits the space-time linker joins the two landmarks.
 */
public final class CheckpointService {
    /** What a prune removed and kept. */
    public record Pruned(List<String> deleted, List<String> kept) {}

    private final Store store;
    private final Clock clock;
    private final SpaceTimeLinker linker;
    private final RegimeLog regimes;
    private final KernelService kernels;

    public CheckpointService(Store store, Clock clock, SpaceTimeLinker linker, RegimeLog regimes,
            KernelService kernels) {
        this.store = store;
        this.clock = clock;
        this.linker = linker;
        this.regimes = regimes;
        this.kernels = kernels;
    }

    /** Checkpoints the kernel's current state, then links it to the previous checkpoint in space-time. */
    public CheckpointRow save(String kernelId, CheckpointType type) {
        KernelService.requireId(kernelId);
        if (type == null) {
            throw new InvalidInputException("checkpoint_type", "is missing");
        }
        CheckpointRow row = store.inTransaction(tx -> {
            KernelRow k = KernelQueries.kernel(tx.handle(), kernelId, true)
                    .orElseThrow(() -> new UnknownIdException("kernel_id", kernelId));
            return save(tx, k, type, Map.of());
        });
        link(row);
        return row;
    }

    /**
     * Inserts a checkpoint of {@code kernel}'s state inside a unit of work. The caller must call {@link #link} after
     * the unit commits.
     */
    public CheckpointRow save(Tx tx, KernelRow kernel, CheckpointType type, Map<String, ?> facts) {
        CheckpointRow previous = KernelQueries.latestCheckpoint(tx.handle(), kernel.kernelId()).orElse(null);
        KernelState s = kernel.state();
        ObjectNode blob = CheckpointCodec.encode(s);
        ObjectNode meta = store.json().createObjectNode();
        meta.put("kernel_name", kernel.name());
        meta.put("step_count", s.stepCount());
        meta.put("dominant_emotion", s.emotions().dominant().sqlName());
        meta.set("facts", store.json().valueToTree(facts));
        CheckpointRow row = new CheckpointRow(Ids.next("ckpt_"), kernel.kernelId(),
                previous == null ? 1 : previous.sequence() + 1, type, s.basin(), s.phi(), s.kappaEff(), s.regime(),
                blob, previous == null ? null : previous.checkpointId(), CheckpointCodec.sizeBytes(store.json(), blob),
                clock.instant(), meta);
        tx.insert(KernelTables.CHECKPOINTS, row);
        return row;
    }

    /** Links a committed checkpoint to its predecessor with a space-time path (nothing for a kernel's first). */
    public void link(CheckpointRow row) {
        if (row.parentCheckpointId() == null) {
            regimes.drain(row.kernelId());
            return;
        }
        CheckpointRow parent = get(row.parentCheckpointId());
        linker.link(row.kernelId(), landmark(parent), landmark(row), regimes.drain(row.kernelId()));
    }

    public CheckpointRow get(String checkpointId) {
        requireCheckpointId(checkpointId);
        return store.jdbi().withHandle(h -> KernelQueries.checkpoint(h, checkpointId))
                .orElseThrow(() -> new UnknownIdException("checkpoint_id", checkpointId));
    }

    /** The state a checkpoint holds, decoded (nothing is written). */
    public KernelState state(String checkpointId) {
        return CheckpointCodec.decode(get(checkpointId).stateBlob());
    }

    /** A kernel's checkpoints, newest first. */
    public List<CheckpointRow> history(String kernelId) {
        KernelService.requireId(kernelId);
        return store.jdbi().withHandle(h -> KernelQueries.checkpoints(h, kernelId));
    }

    /** Puts the kernel back exactly into the checkpointed state (bit-for-bit) and returns its row. */
    public KernelRow restore(String checkpointId) {
        requireCheckpointId(checkpointId);
        KernelRow restored = store.inTransaction(tx -> {
            CheckpointRow c = KernelQueries.checkpoint(tx.handle(), checkpointId)
                    .orElseThrow(() -> new UnknownIdException("checkpoint_id", checkpointId));
            KernelState s = CheckpointCodec.decode(c.stateBlob());
            KernelRow k = KernelQueries.kernel(tx.handle(), c.kernelId(), true).orElseThrow();
            Map<String, Object> extra = KernelService.extra(k.metadata());
            extra.put("restored_from", checkpointId);
            KernelRow row = new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(), s,
                    k.createdAt(), clock.instant(), KernelService.metadata(store.json(), s, extra));
            KernelService.writeState(tx, row);
            return row;
        });
        kernels.forgetWindow(restored.kernelId());
        return restored;
    }

    /**
     * Deletes a kernel's checkpoints except the newest {@code keepNewest} and every one whose type is in
     * {@code keepTypes}; survivors are re-chained (each points to the previous survivor) and re-linked in space-time.
     */
    public Pruned prune(String kernelId, int keepNewest, Set<CheckpointType> keepTypes) {
        KernelService.requireId(kernelId);
        if (keepNewest < 1) {
            throw new InvalidInputException("keep_newest", "must be ≥ 1, is " + keepNewest);
        }
        if (keepTypes == null) {
            throw new InvalidInputException("keep_types", "is missing");
        }
        List<CheckpointRow> relinked = new ArrayList<>();
        Pruned result = store.inTransaction(tx -> {
            KernelQueries.kernel(tx.handle(), kernelId, true)
                    .orElseThrow(() -> new UnknownIdException("kernel_id", kernelId));
            List<CheckpointRow> all = KernelQueries.checkpoints(tx.handle(), kernelId);
            List<String> deleted = new ArrayList<>();
            List<CheckpointRow> kept = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                CheckpointRow c = all.get(i);
                if (i < keepNewest || keepTypes.contains(c.type())) {
                    kept.add(c);
                } else {
                    deleted.add(c.checkpointId());
                }
            }
            if (deleted.isEmpty()) {
                return new Pruned(List.of(), kept.stream().map(CheckpointRow::checkpointId).toList());
            }
            tx.delete(Delete.from(KernelTables.CHECKPOINTS).where("kernel_id", kernelId).whereIn("checkpoint_id", deleted));
            Set<String> gone = new HashSet<>(deleted);
            for (int i = 0; i < kept.size(); i++) {
                CheckpointRow c = kept.get(i);
                String parent = i + 1 < kept.size() ? kept.get(i + 1).checkpointId() : null;
                boolean parentGone = c.parentCheckpointId() != null && gone.contains(c.parentCheckpointId());
                if (parentGone) {
                    tx.update(Update.of(KernelTables.CHECKPOINTS).set("parent_checkpoint_id", parent)
                            .where("checkpoint_id", c.checkpointId()));
                    if (parent != null) {
                        relinked.add(withParent(c, parent));
                    }
                }
            }
            return new Pruned(List.copyOf(deleted), kept.stream().map(CheckpointRow::checkpointId).toList());
        });
        for (CheckpointRow c : relinked) {
            CheckpointRow parent = get(c.parentCheckpointId());
            linker.link(kernelId, landmark(parent), landmark(c), List.of());
        }
        return result;
    }

    private static CheckpointRow withParent(CheckpointRow c, String parent) {
        return new CheckpointRow(c.checkpointId(), c.kernelId(), c.sequence(), c.type(), c.basin(), c.phi(),
                c.kappaEff(), c.regime(), c.stateBlob(), parent, c.sizeBytes(), c.createdAt(), c.metadata());
    }

    static dev.basin.navigation.Landmark landmark(CheckpointRow c) {
        return new dev.basin.navigation.Landmark(c.checkpointId(), c.basin(), c.createdAt(), c.regime());
    }

    private static void requireCheckpointId(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("checkpoint_id", "must not be blank");
        }
    }

    Instant now() {
        return clock.instant();
    }
}
