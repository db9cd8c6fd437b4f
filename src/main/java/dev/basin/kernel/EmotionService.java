package dev.basin.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a kernel's emotions from its recent trajectory ({@link EmotionModel}) and writes a {@code kernel_emotions}
 * row when they shift (the dominant emotion changes, or any intensity moves by more than {@value #SHIFT_THRESHOLD}
 * since the last row), every {@code period} observations otherwise, and on sleep transitions.
 */
public final class EmotionService {
    /** |Δ| of any one emotion that counts as a shift. */
    public static final double SHIFT_THRESHOLD = 0.2;
    /** Default number of observations between periodic rows. */
    public static final int DEFAULT_PERIOD = 10;

    /** An observation: what the kernel feels and the row written for it, if any. */
    public record Observation(EmotionModel.Reading reading, Optional<EmotionRow> written) {}

    private record Last(EmotionVector vector, int sinceWritten) {}

    private final Store store;
    private final Clock clock;
    private final int period;
    private final Map<String, Last> last = new ConcurrentHashMap<>();

    public EmotionService(Store store, Clock clock, int period) {
        if (period < 1) {
            throw new InvalidInputException("period", "must be ≥ 1, is " + period);
        }
        this.store = store;
        this.clock = clock;
        this.period = period;
    }

    public EmotionService(Store store, Clock clock) {
        this(store, clock, DEFAULT_PERIOD);
    }

    /** Reads the emotions of {@code window} for the kernel (state after the window's last point) and writes on shift or period. */
    public Observation observe(KernelRow kernel, TrajectoryWindow window) {
        return observe(kernel, window, clock.instant());
    }

    /** As {@link #observe(KernelRow, TrajectoryWindow)}, a row written at {@code at} (the step's simulated time). */
    public Observation observe(KernelRow kernel, TrajectoryWindow window, java.time.Instant at) {
        EmotionModel.Reading r = EmotionModel.read(window);
        EmotionVector v = r.emotions();
        Last prev = last.get(kernel.kernelId());
        EmotionTrigger trigger = null;
        String reason;
        if (prev == null) {
            trigger = EmotionTrigger.PERIODIC;
            reason = "first observation";
        } else if (prev.vector().dominant() != v.dominant()) {
            trigger = EmotionTrigger.SHIFT;
            reason = "dominant " + prev.vector().dominant().sqlName() + " -> " + v.dominant().sqlName();
        } else if (prev.vector().maxShift(v) > SHIFT_THRESHOLD) {
            trigger = EmotionTrigger.SHIFT;
            reason = "max shift " + ThoughtEvent.format(prev.vector().maxShift(v));
        } else if (prev.sinceWritten() + 1 >= period) {
            trigger = EmotionTrigger.PERIODIC;
            reason = "every " + period + " observations";
        } else {
            reason = null;
        }
        if (trigger == null) {
            last.put(kernel.kernelId(), new Last(prev.vector(), prev.sinceWritten() + 1));
            return new Observation(r, Optional.empty());
        }
        EmotionRow row = row(kernel, v, trigger, reason, r.features(), at);
        store.insert(KernelTables.EMOTIONS, row);
        last.put(kernel.kernelId(), new Last(v, 0));
        return new Observation(r, Optional.of(row));
    }

    /** Writes a {@code sleep} row with the kernel's current emotions, inside a unit of work. */
    public EmotionRow recordSleep(Tx tx, KernelRow kernel, String transition) {
        EmotionRow row = row(kernel, kernel.state().emotions(), EmotionTrigger.SLEEP, transition, null,
                clock.instant());
        tx.insert(KernelTables.EMOTIONS, row);
        return row;
    }

    /** Forgets what was last written for the kernel (after a restore, the next observation writes a row). */
    public void reset(String kernelId) {
        last.remove(kernelId);
    }

    private EmotionRow row(KernelRow k, EmotionVector v, EmotionTrigger trigger, String reason,
            EmotionModel.Features f, java.time.Instant at) {
        ObjectNode meta = store.json().createObjectNode();
        meta.put("reason", reason);
        meta.put("step_count", k.state().stepCount());
        if (f != null) {
            meta.set("features", store.json().valueToTree(f));
        }
        return new EmotionRow(Ids.next("emo_"), k.kernelId(), v, k.state().phi(), k.state().kappaEff(), trigger,
                at, meta);
    }
}
