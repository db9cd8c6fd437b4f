package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import java.time.Clock;
import java.util.Map;

/**
 * Logs a kernel's thoughts: the event's template ({@link ThoughtEvent}) filled with measured facts, stored with the
 * kernel's Φ, κ_eff, basin and current emotion vector, and the id of the row the thought is about.
 */
public final class ThoughtService {
    /**
     * Simulated time one thought takes: thoughts a kernel thinks in one unit of work (attractors found together, the
     * start and end of a sleep) follow one another by this much, so a kernel's thoughts are strictly ordered in time.
     */
    public static final java.time.Duration THOUGHT = java.time.Duration.ofMillis(250);

    private final Store store;
    private final Clock clock;

    public ThoughtService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Writes the thought on its own. */
    public ThoughtRow think(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts) {
        ThoughtRow row = compose(kernel, event, relatedId, facts);
        store.insert(KernelTables.THOUGHTS, row);
        return row;
    }

    /** Writes the thought on its own at {@code at}, the simulated time of the step it is about (not the clock's). */
    public ThoughtRow think(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts,
            java.time.Instant at) {
        requirePresent("at", at);
        ThoughtRow row = compose(kernel, event, relatedId, facts, at);
        store.insert(KernelTables.THOUGHTS, row);
        return row;
    }

    /** Writes the thought inside a unit of work. */
    public ThoughtRow think(Tx tx, KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts) {
        ThoughtRow row = compose(kernel, event, relatedId, facts);
        tx.insert(KernelTables.THOUGHTS, row);
        return row;
    }

    /** Writes the thought inside a unit of work at {@code at} (a time after the clock's: a later thought of it). */
    public ThoughtRow think(Tx tx, KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts,
            java.time.Instant at) {
        ThoughtRow row = compose(kernel, event, relatedId, facts, at);
        tx.insert(KernelTables.THOUGHTS, row);
        return row;
    }

    ThoughtRow compose(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts) {
        return compose(kernel, event, relatedId, facts, clock.instant());
    }

    ThoughtRow compose(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts,
            java.time.Instant at) {
        requirePresent("kernel", kernel);
        requirePresent("event", event);
        String content = event.render(facts);
        ObjectNode meta = store.json().createObjectNode();
        meta.set("facts", store.json().valueToTree(facts));
        meta.put("step_count", kernel.state().stepCount());
        KernelState s = kernel.state();
        return new ThoughtRow(Ids.next("thought_"), kernel.kernelId(), content, event.type(), event, s.phi(),
                s.kappaEff(), s.basin(), s.emotions(), relatedId, at, meta);
    }
}
