package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Negative knowledge: balls of basin space where insights or patterns were tested and failed. A candidate inside one
 * (d(candidate, signature) &lt; radius) is not pursued, and that class's {@code times_avoided} is incremented in the
 * database (one atomic UPDATE, so concurrent avoidances are all counted).
 */
public final class FalsePatternService {
    private final Store store;
    private final Clock clock;
    private final KnowledgeQueries queries;

    public FalsePatternService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queries = new KnowledgeQueries();
    }

    /** Registers a class in its own unit of work. */
    public FalsePatternRow register(FalsePatternDraft draft) {
        FalsePatternRow row = row(draft);
        store.insert(KnowledgeTables.FALSE_PATTERNS, row);
        return row;
    }

    /** Registers a class inside the caller's unit of work (e.g. with the invalidated outcome that caused it). */
    public FalsePatternRow register(Tx tx, FalsePatternDraft draft) {
        FalsePatternRow row = row(draft);
        tx.insert(KnowledgeTables.FALSE_PATTERNS, row);
        return row;
    }

    private FalsePatternRow row(FalsePatternDraft d) {
        requirePresent("draft", d);
        var meta = JsonNodeFactory.instance.objectNode().put("detection", d.method().sqlName())
                .put("signature_phi", Integration.phi(d.signature())).put("example_count", d.exampleCases().size());
        return new FalsePatternRow(Ids.next("fpat_"), d.description(), d.falseReason(), d.method().sqlName(),
                d.signature(), d.radiusFr(), d.exampleCases().deepCopy(), 0, clock.instant(), null, meta);
    }

    /**
     * If {@code candidate} lies inside a false class (the nearest containing one), counts the avoidance and returns it;
     * otherwise empty and nothing is written.
     */
    public Optional<Avoidance> isAvoided(Basin candidate) {
        requireBasin(candidate);
        Optional<Avoidance> hit = store.jdbi().withHandle(h -> containing(h, candidate));
        hit.ifPresent(a -> store.update(avoidance(a.pattern().patternId(), clock.instant())));
        return hit;
    }

    /** As {@link #isAvoided(Basin)}, inside the caller's unit of work. */
    public Optional<Avoidance> isAvoided(Tx tx, Basin candidate) {
        requireBasin(candidate);
        Optional<Avoidance> hit = containing(tx.handle(), candidate);
        hit.ifPresent(a -> tx.update(avoidance(a.pattern().patternId(), clock.instant())));
        return hit;
    }

    private static Update avoidance(String patternId, Instant now) {
        return Update.of(KnowledgeTables.FALSE_PATTERNS).increment("times_avoided", 1).set("last_avoided_at", now)
                .where("pattern_id", patternId);
    }

    private Optional<Avoidance> containing(Handle h, Basin candidate) {
        Avoidance best = null;
        for (FalsePatternRow p : queries.falsePatterns(h)) {
            double d = FisherRao.distance(candidate, p.signature());
            if (d < p.radiusFr() && (best == null || d < best.distance())) {
                best = new Avoidance(p, d);
            }
        }
        return Optional.ofNullable(best);
    }

    public FalsePatternRow falsePattern(String patternId) {
        if (patternId == null || patternId.isBlank()) {
            throw new InvalidInputException("patternId", "must not be blank");
        }
        return store.jdbi().withHandle(h -> queries.falsePattern(h, patternId))
                .orElseThrow(() -> new UnknownIdException("patternId", patternId));
    }

    /** Every registered class, oldest first. */
    public List<FalsePatternRow> all() {
        return store.jdbi().withHandle(queries::falsePatterns);
    }

    /** A page of the classes, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public List<FalsePatternRow> falsePatterns(int limit, int offset) {
        return store.jdbi().withHandle(h -> queries.falsePatterns(h, limit, offset));
    }

    private static void requireBasin(Basin candidate) {
        requirePresent("candidate", candidate);
    }
}
