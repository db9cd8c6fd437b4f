package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.InvalidInputException;
import dev.basin.navigation.Landmark;
import dev.basin.store.Delete;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    /** The predecessor's landmark of each checkpoint saved here and not linked yet (bounded: unlinked ones age out). */
    private final Map<String, Landmark> parents = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Landmark> eldest) {
            return size() > 1024;
        }
    };

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
        return save(kernelId, type, Map.of());
    }

    /**
     * Checkpoints the kernel's current state with {@code facts} (why it was taken, stored in the metadata), then links
     * it to the previous checkpoint in space-time.
     */
    public CheckpointRow save(String kernelId, CheckpointType type, Map<String, ?> facts) {
        requirePresent("facts", facts);
        KernelService.requireId(kernelId);
        requirePresent("checkpoint_type", type);
        CheckpointStep[] commit = new CheckpointStep[1];
        CheckpointRow row = store.inTransaction(tx -> {
            CheckpointStep lock = CheckpointStep.begin("save", "lock + read previous");
            KernelQueries.LockedForSave locked = KernelQueries.lockForSave(tx.handle(), kernelId)
                    .orElseThrow(() -> new UnknownIdException("kernel_id", kernelId));
            lock.done();
            CheckpointRow r = insert(tx, locked.kernel(), locked.latest(), type, facts, clock.instant());
            commit[0] = CheckpointStep.begin("save", "commit");
            return r;
        });
        commit[0].done();
        CheckpointStep link = CheckpointStep.begin("save", "link");
        link(row);
        link.done();
        return row;
    }

    /**
     * Inserts a checkpoint of {@code kernel}'s state inside a unit of work; the caller holds the kernel row's lock.
     * The caller must call {@link #link} after the unit commits.
     */
    public CheckpointRow save(Tx tx, KernelRow kernel, CheckpointType type, Map<String, ?> facts) {
        return save(tx, kernel, type, facts, clock.instant());
    }

    /** As {@link #save(Tx, KernelRow, CheckpointType, Map)}, taken at {@code at} (e.g. the end of a sleep). */
    public CheckpointRow save(Tx tx, KernelRow kernel, CheckpointType type, Map<String, ?> facts, Instant at) {
        CheckpointStep read = CheckpointStep.begin("save", "read previous");
        KernelQueries.Latest latest = KernelQueries.latest(tx.handle(), kernel.kernelId());
        read.done();
        return insert(tx, kernel, latest, type, facts, at);
    }

    /** Encodes and inserts the checkpoint following {@code previous} (null: the kernel's first). */
    private CheckpointRow insert(Tx tx, KernelRow kernel, KernelQueries.Latest previous, CheckpointType type,
            Map<String, ?> facts, Instant at) {
        CheckpointStep encode = CheckpointStep.begin("save", "encode");
        KernelState s = kernel.state();
        ObjectNode blob = CheckpointCodec.encode(s);
        ObjectNode meta = store.json().createObjectNode();
        meta.put("kernel_name", kernel.name());
        meta.put("step_count", s.stepCount());
        meta.put("dominant_emotion", s.emotions().dominant().sqlName());
        meta.set("facts", store.json().valueToTree(facts));
        CheckpointRow row = new CheckpointRow(Ids.next("ckpt_"), kernel.kernelId(),
                previous == null ? 1 : previous.sequence() + 1, type, s.basin(), s.phi(), s.kappaEff(), s.regime(),
                blob, previous == null ? null : previous.landmark().checkpointId(),
                CheckpointCodec.sizeBytes(store.json(), blob), at, meta);
        encode.done();
        CheckpointStep insert = CheckpointStep.begin("save", "insert");
        tx.insert(KernelTables.CHECKPOINTS, row);
        insert.done();
        if (previous != null) {
            synchronized (parents) {
                parents.put(row.checkpointId(), previous.landmark());
            }
        }
        return row;
    }

    /**
     * Links a committed checkpoint to its predecessor with a space-time path (nothing for a kernel's first). The
     * predecessor's landmark was read when the checkpoint was saved; it is read again only for a checkpoint saved long
     * before (or by another process).
     */
    public void link(CheckpointRow row) {
        Landmark from;
        synchronized (parents) {
            from = parents.remove(row.checkpointId());
        }
        if (row.parentCheckpointId() == null) {
            regimes.drain(row.kernelId());
            return;
        }
        if (from == null || !from.checkpointId().equals(row.parentCheckpointId())) {
            from = store.jdbi().withHandle(h -> KernelQueries.landmark(h, row.parentCheckpointId()))
                    .orElseThrow(() -> new UnknownIdException("checkpoint_id", row.parentCheckpointId()));
        }
        linker.link(row.kernelId(), from, landmark(row), regimes.drain(row.kernelId()));
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
        CheckpointStep[] commit = new CheckpointStep[1];
        KernelRow restored = store.inTransaction(tx -> {
            CheckpointStep read = CheckpointStep.begin("restore", "read + lock");
            KernelQueries.LockedForRestore locked = KernelQueries.lockForRestore(tx.handle(), checkpointId)
                    .orElseThrow(() -> new UnknownIdException("checkpoint_id", checkpointId));
            read.done();
            CheckpointStep decode = CheckpointStep.begin("restore", "decode");
            KernelState s = CheckpointCodec.decode(locked.stateBlob());
            decode.done();
            CheckpointStep write = CheckpointStep.begin("restore", "write");
            KernelRow k = locked.kernel();
            Map<String, Object> extra = KernelService.extra(k.metadata());
            extra.put("restored_from", checkpointId);
            KernelRow row = new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(), s,
                    k.createdAt(), clock.instant(), KernelService.metadata(store.json(), s, extra));
            KernelService.writeState(tx, row);
            write.done();
            commit[0] = CheckpointStep.begin("restore", "commit");
            return row;
        });
        commit[0].done();
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
        requirePresent("keep_types", keepTypes);
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

    static Landmark landmark(CheckpointRow c) {
        return new Landmark(c.checkpointId(), c.basin(), c.createdAt(), c.regime());
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
