package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.store.Ids;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A kernel's memory: fragments written as it lives ({@link #remember}), sleep consolidation planned without writing
 * ({@link #planConsolidation}) and applied inside the caller's unit of work ({@link #applyConsolidation}), and the
 * memory wells of its learned potential ({@link #wells}).
 */
public final class MemoryService {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Largest fragment content, in characters of JSON. */
    public static final int MAX_CONTENT_CHARS = 65_536;

    private final Store store;
    private final Clock clock;
    private final SleepConfig config;
    private final KnowledgeQueries queries;

    public MemoryService(Store store, Clock clock) {
        this(store, clock, SleepConfig.defaults());
    }

    public MemoryService(Store store, Clock clock, SleepConfig config) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.queries = new KnowledgeQueries();
    }

    /** Writes a pending fragment in its own unit of work; Φ is computed from {@code basin}. */
    public FragmentRow remember(String kernelId, FragmentType type, JsonNode content, Basin basin, double importance) {
        FragmentRow row = draft(kernelId, type, content, basin, importance);
        requireKernel(kernelId);
        store.insert(KnowledgeTables.FRAGMENTS, row);
        return row;
    }

    /** As {@link #remember(String, FragmentType, JsonNode, Basin, double)}, inside the caller's unit of work. */
    public FragmentRow remember(Tx tx, String kernelId, FragmentType type, JsonNode content, Basin basin,
            double importance) {
        FragmentRow row = draft(kernelId, type, content, basin, importance);
        if (!Rows.kernelExists(tx.handle(), kernelId)) {
            throw new UnknownIdException("kernelId", kernelId);
        }
        tx.insert(KnowledgeTables.FRAGMENTS, row);
        return row;
    }

    private FragmentRow draft(String kernelId, FragmentType type, JsonNode content, Basin basin, double importance) {
        requireText("kernelId", kernelId);
        requirePresent("type", type);
        if (content == null || !content.isObject() || content.isEmpty()) {
            throw new InvalidInputException("content", "must be a non-empty JSON object");
        }
        if (content.toString().length() > MAX_CONTENT_CHARS) {
            throw new InvalidInputException("content", "must be at most " + MAX_CONTENT_CHARS + " characters of JSON");
        }
        requirePresent("basin", basin);
        if (!Double.isFinite(importance) || importance < 0.0) {
            throw new InvalidInputException("importance", "must be finite and ≥ 0, is " + importance);
        }
        double phi = Integration.phi(basin);
        ObjectNode meta = JSON.objectNode().put("origin", "remember").put("content_fields", content.size())
                .put("phi_at_write", phi);
        return new FragmentRow(Ids.next("mfrag_"), kernelId, type, content.deepCopy(), basin, phi, importance, 0,
                ConsolidationStatus.PENDING, null, clock.instant(), null, meta);
    }

    /** Counts one recall of a fragment (access_count + 1, atomically). */
    public void recall(String fragmentId) {
        requireText("fragmentId", fragmentId);
        int n = store.update(Update.of(KnowledgeTables.FRAGMENTS).increment("access_count", 1)
                .where("fragment_id", fragmentId));
        if (n == 0) {
            throw new UnknownIdException("fragmentId", fragmentId);
        }
    }

    public FragmentRow fragment(String fragmentId) {
        requireText("fragmentId", fragmentId);
        return store.jdbi().withHandle(h -> queries.fragment(h, fragmentId))
                .orElseThrow(() -> new UnknownIdException("fragmentId", fragmentId));
    }

    /** The kernel's fragments with {@code status}, oldest first. */
    public List<FragmentRow> fragments(String kernelId, ConsolidationStatus status) {
        requireKernel(kernelId);
        requirePresent("status", status);
        return store.jdbi().withHandle(h -> queries.fragments(h, kernelId, status));
    }

    /** A page of a kernel's fragments of every status, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public List<FragmentRow> fragments(String kernelId, int limit, int offset) {
        requireText("kernelId", kernelId);
        return store.jdbi().withHandle(h -> queries.fragments(h, kernelId, limit, offset));
    }

    /** Plans the consolidation of the kernel's pending fragments at {@code now} (nothing is written). */
    public ConsolidationPlan planConsolidation(String kernelId, Instant now) {
        requireKernel(kernelId);
        requirePresent("now", now);
        List<FragmentRow> pending = store.jdbi().withHandle(h -> queries.fragments(h, kernelId, ConsolidationStatus.PENDING));
        return SleepPlanner.plan(kernelId, pending, now, config);
    }

    /**
     * Writes {@code plan} inside the caller's unit of work: inserts the consolidated fragments, then marks members
     * merged (consolidated_into set), pruned singletons pruned and the others consolidated, all at {@code plan.at()}.
     * Every marked fragment must still be pending; otherwise (a concurrent sleep got there first) this throws and the
     * caller's unit of work rolls back.
     */
    public void applyConsolidation(Tx tx, ConsolidationPlan plan) {
        requirePresent("tx", tx);
        requirePresent("plan", plan);
        if (plan.isEmpty()) {
            return;
        }
        lockPending(tx, plan);
        List<FragmentRow> consolidated = new ArrayList<>();
        for (ConsolidationPlan.Cluster c : plan.clusters()) {
            consolidated.add(c.consolidated());
        }
        if (!consolidated.isEmpty()) {
            tx.insertBatch(KnowledgeTables.FRAGMENTS, consolidated);
        }
        Instant at = plan.at();
        for (ConsolidationPlan.Cluster c : plan.clusters()) {
            for (ConsolidationPlan.Member m : c.members()) {
                ObjectNode meta = JSON.objectNode();
                meta.putObject("sleep").put("role", "merged").put("distance_to_consolidated", m.distance())
                        .put("members", c.members().size());
                mark(tx, m.fragmentId(), Update.of(KnowledgeTables.FRAGMENTS)
                        .set("consolidation_status", ConsolidationStatus.MERGED.sqlName())
                        .set("consolidated_into", c.consolidated().fragmentId())
                        .set("consolidated_at", at).set("metadata", meta));
            }
        }
        for (ConsolidationPlan.Singleton s : plan.singletons()) {
            ObjectNode meta = JSON.objectNode();
            meta.putObject("sleep").put("role", s.outcome().sqlName()).put("decayed_importance", s.decayedImportance())
                    .put("age_seconds", s.ageSeconds()).put("prune_threshold", plan.config().pruneThreshold());
            mark(tx, s.fragmentId(), Update.of(KnowledgeTables.FRAGMENTS)
                    .set("consolidation_status", s.outcome().sqlName()).set("consolidated_at", at).set("metadata", meta));
        }
    }

    /** Locks every fragment the plan marks; all must still be pending (else a concurrent sleep got there first). */
    private static void lockPending(Tx tx, ConsolidationPlan plan) {
        List<String> ids = new ArrayList<>();
        plan.clusters().forEach(c -> c.members().forEach(m -> ids.add(m.fragmentId())));
        plan.singletons().forEach(s -> ids.add(s.fragmentId()));
        ids.sort(null);
        List<String> pending = tx.handle().createQuery("SELECT fragment_id FROM memory_fragments WHERE fragment_id = ANY(:ids)"
                        + " AND kernel_id = :k AND consolidation_status = 'pending' ORDER BY fragment_id FOR UPDATE")
                .bindArray("ids", String.class, ids).bind("k", plan.kernelId()).mapTo(String.class).list();
        if (pending.size() != ids.size()) {
            List<String> gone = new ArrayList<>(ids);
            gone.removeAll(pending);
            throw new IllegalStateException("fragments " + gone + " are no longer pending: another sleep consolidated them");
        }
    }

    private static void mark(Tx tx, String fragmentId, Update update) {
        int n = tx.update(update.where("fragment_id", fragmentId).where("consolidation_status",
                ConsolidationStatus.PENDING.sqlName()));
        if (n != 1) {
            throw new IllegalStateException("fragment " + fragmentId + " is no longer pending: another sleep consolidated it");
        }
    }

    /** Plans and applies a sleep consolidation in its own unit of work (when no caller wraps it). */
    public ConsolidationPlan consolidate(String kernelId) {
        ConsolidationPlan plan = planConsolidation(kernelId, clock.instant());
        store.useTransaction(tx -> applyConsolidation(tx, plan));
        return plan;
    }

    /**
     * The kernel's memory wells: every pending or consolidated fragment (merged and pruned ones no longer count), at its
     * basin, weighted by its importance.
     */
    public List<MemoryWell> wells(String kernelId) {
        requireKernel(kernelId);
        return store.jdbi().withHandle(h -> wells(h, kernelId));
    }

    /**
     * As {@link #wells(String)}, read inside the caller's unit of work: after {@link #applyConsolidation} in the same
     * sleep it already sees the consolidated wells, before they commit (attractors are re-found on these).
     */
    public List<MemoryWell> wells(Tx tx, String kernelId) {
        requireText("kernelId", kernelId);
        if (!Rows.kernelExists(tx.handle(), kernelId)) {
            throw new UnknownIdException("kernelId", kernelId);
        }
        return wells(tx.handle(), kernelId);
    }

    private List<MemoryWell> wells(org.jdbi.v3.core.Handle h, String kernelId) {
        List<MemoryWell> wells = new ArrayList<>();
        for (ConsolidationStatus s : List.of(ConsolidationStatus.CONSOLIDATED, ConsolidationStatus.PENDING)) {
            for (FragmentRow f : queries.fragments(h, kernelId, s)) {
                wells.add(new MemoryWell(f.fragmentId(), f.basin(), f.importance()));
            }
        }
        return wells;
    }

    private void requireKernel(String kernelId) {
        requireText("kernelId", kernelId);
        if (!store.jdbi().withHandle(h -> Rows.kernelExists(h, kernelId))) {
            throw new UnknownIdException("kernelId", kernelId);
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
    }
}
