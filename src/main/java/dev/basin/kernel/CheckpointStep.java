package dev.basin.kernel;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A flight-recorder event per step of a checkpoint save (lock, read previous, encode, insert, commit, link) or restore
 * (read, decode, lock, write, commit), so that where the time of a save or restore goes can be measured on the real
 * service. Recorded only when a recording enables {@code dev.basin.CheckpointStep} (bench/run-kernel does); otherwise
 * it costs next to nothing.
 */
@Name("dev.basin.CheckpointStep")
@Label("Checkpoint step")
@Description("One step of a checkpoint save or restore")
@Category({"Basin", "Kernel"})
@StackTrace(false)
final class CheckpointStep extends Event {
    @Label("Operation")
    String operation;

    @Label("Step")
    String step;

    /** Starts timing {@code step} of {@code operation} (save or restore). */
    static CheckpointStep begin(String operation, String step) {
        CheckpointStep e = new CheckpointStep();
        e.operation = operation;
        e.step = step;
        e.begin();
        return e;
    }

    /** Ends the step and records it (when enabled). */
    void done() {
        end();
        commit();
    }
}
