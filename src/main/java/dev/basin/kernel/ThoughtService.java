package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.CoordizerService;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Logs a kernel's thoughts: the event's template ({@link ThoughtEvent}) filled with measured facts, stored with the
 * kernel's Φ, κ_eff, basin and current emotion vector, and the id of the row the thought is about.
 *
 * <p>A thought about a basin ({@link ThoughtEvent#subject()}) ends with that basin named by its strongest topics
 * ({@link BasinTopics}), e.g. {@code "Basin: topics 12 (court, law, jury) and 40 (tax, state, bill)."}, and keeps the
 * naming (model, topic ids, weights, words) in {@code metadata.topics}. The topics are those of the coordizer model
 * recorded on the kernel ({@code kernels.metadata.coordizer_model}, the current model when its root was created): a
 * kernel's basins live among that model's basins, and are never named by another model. A kernel without a recorded
 * model gets {@value #UNRECORDED} instead.
 */
public final class ThoughtService {
    /**
     * Simulated time one thought takes: thoughts a kernel thinks in one unit of work (attractors found together, the
     * start and end of a sleep) follow one another by this much, so a kernel's thoughts are strictly ordered in time.
     */
    public static final java.time.Duration THOUGHT = java.time.Duration.ofMillis(250);
    /** The metadata key of a kernel's coordizer model. */
    public static final String MODEL_KEY = "coordizer_model";
    /** The naming of a basin whose kernel has no recorded coordizer model. */
    public static final String UNRECORDED = "topics not named (the kernel's coordizer model is not recorded)";

    private final Store store;
    private final Clock clock;
    private final CoordizerService coordizer;

    public ThoughtService(Store store, Clock clock, CoordizerService coordizer) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.coordizer = Objects.requireNonNull(coordizer, "coordizer");
    }

    /** The coordizer whose models name the thoughts' basins. */
    CoordizerService coordizer() {
        return coordizer;
    }

    /** Writes the thought on its own (about the kernel's basin, or about nothing, as the event says). */
    public ThoughtRow think(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts) {
        return think(kernel, event, relatedId, facts, null, clock.instant());
    }

    /** Writes the thought on its own at {@code at}, the simulated time of the step it is about (not the clock's). */
    public ThoughtRow think(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts, Instant at) {
        return think(kernel, event, relatedId, facts, null, at);
    }

    /** Writes the thought on its own, about {@code about} (required by the events about a given basin). */
    public ThoughtRow think(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts, Basin about) {
        return think(kernel, event, relatedId, facts, about, clock.instant());
    }

    /** Writes the thought on its own at {@code at}, about {@code about}. */
    public ThoughtRow think(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts, Basin about,
            Instant at) {
        requirePresent("at", at);
        ThoughtRow row = compose(kernel, event, relatedId, facts, about, at);
        store.insert(KernelTables.THOUGHTS, row);
        return row;
    }

    /** Writes the thought inside a unit of work. */
    public ThoughtRow think(Tx tx, KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts) {
        return think(tx, kernel, event, relatedId, facts, null, clock.instant());
    }

    /** Writes the thought inside a unit of work at {@code at} (a time after the clock's: a later thought of it). */
    public ThoughtRow think(Tx tx, KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts,
            Instant at) {
        return think(tx, kernel, event, relatedId, facts, null, at);
    }

    /** Writes the thought inside a unit of work, about {@code about}. */
    public ThoughtRow think(Tx tx, KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts,
            Basin about) {
        return think(tx, kernel, event, relatedId, facts, about, clock.instant());
    }

    /** Writes the thought inside a unit of work at {@code at}, about {@code about}. */
    public ThoughtRow think(Tx tx, KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts,
            Basin about, Instant at) {
        ThoughtRow row = compose(kernel, event, relatedId, facts, about, at);
        tx.insert(KernelTables.THOUGHTS, row);
        return row;
    }

    ThoughtRow compose(KernelRow kernel, ThoughtEvent event, String relatedId, Map<String, ?> facts, Basin about,
            Instant at) {
        requirePresent("kernel", kernel);
        requirePresent("event", event);
        String content = event.render(facts);
        ObjectNode meta = store.json().createObjectNode();
        meta.set("facts", store.json().valueToTree(facts));
        meta.put("step_count", kernel.state().stepCount());
        Basin subject = switch (event.subject()) {
            case KERNEL -> kernel.state().basin();
            case GIVEN -> {
                if (about == null) {
                    throw new InvalidInputException("about", "(the basin the thought is about) is required for a "
                            + event.sqlName() + " thought");
                }
                yield about;
            }
            case NONE -> null;
        };
        if (subject != null) {
            Optional<BasinTopics> topics = topics(kernel, subject);
            content += " Basin: " + topics.map(BasinTopics::text).orElse(UNRECORDED) + ".";
            if (topics.isPresent()) {
                meta.set("topics", topics.get().json());
            } else {
                meta.putObject("topics").putNull("model").put("text", UNRECORDED);
            }
        }
        KernelState s = kernel.state();
        return new ThoughtRow(Ids.next("thought_"), kernel.kernelId(), content, event.type(), event, s.phi(),
                s.kappaEff(), s.basin(), s.emotions(), relatedId, at, meta);
    }

    /**
     * {@code basin} (the kernel's, or one it found or aims at) named by the topics of the coordizer model recorded on
     * {@code kernel}; empty when the kernel has no recorded model (then no model may name it).
     */
    public Optional<BasinTopics> topics(KernelRow kernel, Basin basin) {
        String model = modelOf(kernel);
        return model == null ? Optional.empty() : Optional.of(coordizer.name(basin, model));
    }

    /** The coordizer model recorded on {@code kernel}, or null. */
    static String modelOf(KernelRow kernel) {
        JsonNode m = kernel.metadata() == null ? null : kernel.metadata().get(MODEL_KEY);
        return m == null || !m.isTextual() ? null : m.asText();
    }
}
