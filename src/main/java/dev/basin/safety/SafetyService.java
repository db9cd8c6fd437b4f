package dev.basin.safety;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.ConflictException;
import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Table;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Barriers, excluded regions and era exclusions: creation (validated; overlapping barriers of one type and scope
 * merge), deactivation, listing, and the safety check served from an in-memory {@link BallIndex}. The index is kept
 * equal to the tables by reading their change feed: right after each write of this instance commits, and, once
 * {@link #startSync(Duration)} ran, whenever another process's write commits (LISTEN/NOTIFY, with a timed read as
 * the fallback; see docs/safety.md for the bound).
 */
public final class SafetyService implements AutoCloseable {
    /** Default longest wait between two reads of the change feed when no notification arrives. */
    public static final Duration SYNC_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(SafetyService.class);

    private final Store store;
    private final Clock clock;
    private final SafetyQueries queries;
    private final BallIndex index = new BallIndex();
    private final SafetySync sync;

    /** Loads every active row of the three tables into the index. */
    public SafetyService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.queries = new SafetyQueries(store.jdbi());
        this.sync = new SafetySync(store, queries, index);
        sync.read();
    }

    public SafetyQueries queries() {
        return queries;
    }

    /** Reads the rows changed since the last read (by any process) into the index; returns the rows read. */
    public int refresh() {
        return sync.read();
    }

    /**
     * Keeps the index in step with other processes until {@link #close()}: a daemon thread listens for the tables'
     * notifications and reads the change feed after each, and at the latest {@code interval} after the previous read
     * (the fallback while notifications are lost). Idempotent.
     */
    public void startSync(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new InvalidInputException("interval", "must be a positive duration, is " + interval);
        }
        sync.start(interval);
    }

    /** Where the index's synchronisation stands (listening, reads, last read). */
    public SyncStatus syncStatus() {
        return sync.status();
    }

    @Override
    public void close() {
        sync.close();
    }

    /**
     * The safety check: every active barrier that applies to {@code agentIdOrNull} (global ones, the agent's own, and
     * all of them for an anonymous check), the agent's active excluded regions not expired at {@code at}, and the
     * active era exclusions whose window [start, end) contains {@code at} — those whose ball contains {@code basin}.
     */
    public SafetyVerdict check(Basin basin, Instant at, String agentIdOrNull) {
        requirePresent("basin", basin);
        requirePresent("at", at);
        if (agentIdOrNull != null) {
            Checks.text("agentId", agentIdOrNull);
        }
        List<Violation> out = new ArrayList<>(2);
        for (BallIndex.Hit h : index.containing(basin)) {
            Ball b = h.ball();
            if (b.appliesTo(at, agentIdOrNull)) {
                out.add(new Violation(b.table(), b.id(), h.distance(), b.radius(), b.reason()));
            }
        }
        out.sort(Comparator.comparingDouble(Violation::distance));
        return new SafetyVerdict(out.isEmpty(), out);
    }

    /** The ball {@code id} as the index holds it (active rows only), or null. */
    public Ball ball(String id) {
        return index.get(id);
    }

    /** Number of balls in the index. */
    public int indexedBalls() {
        return index.size();
    }

    /**
     * Creates a barrier; when it overlaps active barriers of the same type and scope (d(c₁,c₂) &lt; r₁ + r₂), the
     * {@linkplain Enclosing enclosing ball} of all of them (grown until it overlaps no further one) becomes the new
     * barrier, with the largest severity, the new reason, the sum of their prevented crossings and metadata
     * {@code merged_count}/{@code absorbed}, and each overlapped barrier is deactivated now with {@code merged_into}
     * added to its metadata. A barrier's ball therefore never changes while it is active: every row holds exactly from
     * {@code discovered_at} to {@code deactivated_at}, so stored waypoints can be checked against the stored barriers.
     * Returns the created row.
     */
    public BarrierRow createBarrier(NewBarrier b) {
        requirePresent("barrier", b);
        requirePresent("center", b.center());
        Checks.radius("radius", b.radius());
        requirePresent("type", b.type());
        Checks.unit("severity", b.severity());
        Checks.text("reason", b.reason());
        if (b.kernelId() != null) {
            requireKernel("kernelId", b.kernelId());
        }
        Instant now = clock.instant();
        BarrierRow result = store.inTransaction(tx -> {
            // Row locks cannot stop two processes from each inserting a barrier the other would have merged with:
            // one lock per type and scope makes creations of the same kind take turns.
            tx.lock("geometric_barriers merge " + b.type().sqlName() + " " + (b.kernelId() == null ? "global" : b.kernelId()));
            List<BarrierRow> same = queries.activeBarriersForMerge(tx.handle(), b.type(), b.kernelId());
            Basin c = b.center();
            double r = b.radius();
            double severity = b.severity();
            List<BarrierRow> used = new ArrayList<>();
            boolean grew = true;
            while (grew) {
                grew = false;
                for (BarrierRow x : same) {
                    if (!used.contains(x) && Enclosing.overlap(c, r, x.center(), x.radius())) {
                        Enclosing e = Enclosing.of(x.center(), x.radius(), c, r);
                        c = e.center();
                        r = e.radius();
                        severity = Math.max(severity, x.severity());
                        used.add(x);
                        grew = true;
                    }
                }
            }
            ObjectNode meta = metadata(b.metadata());
            int merged = 0;
            int prevented = 0;
            com.fasterxml.jackson.databind.node.ArrayNode absorbed = meta.putArray("absorbed");
            for (BarrierRow x : used) {
                merged += 1 + x.metadata().path("merged_count").asInt(0);
                prevented += x.crossingsPrevented();
                absorbed.addObject().put("barrier_id", x.barrierId()).put("radius", x.radius())
                        .put("discovered_at", x.discoveredAt().toString());
            }
            meta.put("merged_count", merged);
            if (used.isEmpty()) {
                meta.remove("absorbed");
            } else {
                meta.put("requested_radius", b.radius());
            }
            BarrierRow row = new BarrierRow(Ids.next("barrier_"), b.kernelId(), c, r, b.type(), severity, b.reason(),
                    true, now, null, prevented, meta);
            tx.insert(SafetyTables.BARRIERS, row);
            for (BarrierRow x : used) {
                ObjectNode m = x.metadata() instanceof ObjectNode o ? o.deepCopy() : store.json().createObjectNode();
                m.put("merged_into", row.barrierId());
                tx.update(touch(Update.of(SafetyTables.BARRIER_UPDATES)).set("active", false).set("deactivated_at", now)
                        .set("metadata", m).where("barrier_id", x.barrierId()));
            }
            return row;
        });
        indexAfterCommit();
        return result;
    }

    /** Deactivates barrier {@code barrierId}; unknown or already inactive ids are rejected. */
    public void deactivateBarrier(String barrierId) {
        deactivateBarrier(barrierId, null);
    }

    /**
     * Deactivates barrier {@code barrierId} and records why under {@code metadata.deactivation} (the rule and the
     * measured values that decided it; null records nothing); unknown or already inactive ids are rejected.
     */
    public void deactivateBarrier(String barrierId, JsonNode whyOrNull) {
        Checks.text("barrierId", barrierId);
        BarrierRow row = queries.barrier(barrierId)
                .orElseThrow(() -> new UnknownIdException("barrierId", barrierId));
        deactivate(SafetyTables.BARRIER_UPDATES, "barrierId", barrierId, row.active(), row.metadata(), whyOrNull);
    }

    /** Counts a prevented crossing on every barrier among {@code violations}; returns how many were counted. */
    public int recordPreventions(List<Violation> violations) {
        int n = 0;
        for (Violation v : violations) {
            if (v.table().equals("geometric_barriers")) {
                recordPrevention(v.id());
                n++;
            }
        }
        return n;
    }

    /** Atomically counts one crossing prevented by barrier {@code barrierId}. */
    public void recordPrevention(String barrierId) {
        Checks.text("barrierId", barrierId);
        int n = store.update(Update.of(SafetyTables.BARRIERS).increment("crossings_prevented", 1)
                .where("barrier_id", barrierId));
        if (n == 0) {
            throw new UnknownIdException("barrierId", barrierId);
        }
    }

    /**
     * Records a region that agent {@code agentId} must not enter until {@code expiresAtOrNull} (null: until
     * deactivated).
     */
    public ExcludedRegionRow createExcludedRegion(String agentId, Basin center, double radius, ExclusionReason reason,
            int visitsWithoutGain, Instant expiresAtOrNull, JsonNode metadataOrNull) {
        Checks.text("agentId", agentId);
        requirePresent("center", center);
        Checks.radius("radius", radius);
        requirePresent("reason", reason);
        if (visitsWithoutGain < 0) {
            throw new InvalidInputException("visitsWithoutGain", "must be non-negative, is " + visitsWithoutGain);
        }
        Instant now = clock.instant();
        if (expiresAtOrNull != null && !expiresAtOrNull.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be after now (" + now + "), is " + expiresAtOrNull);
        }
        requireKernel("agentId", agentId);
        ExcludedRegionRow row = new ExcludedRegionRow(Ids.next("oxr_"), agentId, center, radius, reason, visitsWithoutGain,
                expiresAtOrNull, true, now, null, metadata(metadataOrNull));
        store.insert(SafetyTables.REGIONS, row);
        indexAfterCommit();
        return row;
    }

    /** Deactivates excluded region {@code regionId}; unknown or already inactive ids are rejected. */
    public void deactivateExcludedRegion(String regionId) {
        deactivateExcludedRegion(regionId, null);
    }

    /**
     * Deactivates excluded region {@code regionId} and records why under {@code metadata.deactivation} (null records
     * nothing); unknown or already inactive ids are rejected.
     */
    public void deactivateExcludedRegion(String regionId, JsonNode whyOrNull) {
        Checks.text("regionId", regionId);
        ExcludedRegionRow row = queries.region(regionId)
                .orElseThrow(() -> new UnknownIdException("regionId", regionId));
        deactivate(SafetyTables.REGION_UPDATES, "regionId", regionId, row.active(), row.metadata(), whyOrNull);
    }

    /**
     * Deactivates the row {@code id} (named {@code field} in errors) through the update view {@code updates}, recording
     * {@code whyOrNull} under {@code metadata.deactivation}; a row already inactive, or deactivated by a concurrent
     * caller first, is a conflict.
     */
    private void deactivate(Table<?> updates, String field, String id, boolean active, JsonNode metadata,
            JsonNode whyOrNull) {
        if (!active) {
            throw new ConflictException(field, "is already inactive: " + id);
        }
        Update u = touch(Update.of(updates)).set("active", false).set("deactivated_at", clock.instant());
        if (whyOrNull != null) {
            ObjectNode m = metadata(metadata);
            m.set("deactivation", metadata(whyOrNull));
            u = u.set("metadata", m);
        }
        int n = store.update(u.where(updates.key(), id).where("active", true));
        indexAfterCommit();
        if (n == 0) {
            throw new ConflictException(field, "is already inactive: " + id);
        }
    }

    /** Forbids the ball (center, radius) to everyone during [start, end). */
    public EraExclusionRow createEraExclusion(Instant start, Instant end, Basin center, double radius, String reason,
            JsonNode metadataOrNull) {
        requirePresent("start", start);
        requirePresent("end", end);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("end", "must be after start (" + start + "), is " + end);
        }
        requirePresent("center", center);
        Checks.radius("radius", radius);
        Checks.text("reason", reason);
        ObjectNode meta = metadata(metadataOrNull);
        meta.put("window_seconds", Duration.between(start, end).toMillis() / 1000.0);
        EraExclusionRow row = new EraExclusionRow(Ids.next("texcl_"), start, end, center, radius, reason, true,
                clock.instant(), meta);
        store.insert(SafetyTables.ERAS, row);
        indexAfterCommit();
        return row;
    }

    /**
     * Deactivates every active era exclusion whose window ended at or before {@code now} and returns the ids this call
     * deactivated. Other processes may do the same at the same time (housekeeping of concurrent sessions): each
     * exclusion is deactivated by exactly one of them, and none fails because another was first.
     */
    public List<String> deactivateEndedEraExclusions(Instant now) {
        requirePresent("now", now);
        List<String> done = new ArrayList<>();
        for (EraExclusionRow e : queries.listEras(true, 10_000, 0)) {
            if (!e.end().isAfter(now) && store.update(touch(Update.of(SafetyTables.ERA_UPDATES)).set("active", false)
                    .where("exclusion_id", e.exclusionId()).where("active", true)) == 1) {
                done.add(e.exclusionId());
            }
        }
        if (!done.isEmpty()) {
            indexAfterCommit();
        }
        return done;
    }

    /** Deactivates era exclusion {@code exclusionId}; unknown or already inactive ids are rejected. */
    public void deactivateEraExclusion(String exclusionId) {
        Checks.text("exclusionId", exclusionId);
        EraExclusionRow row = queries.era(exclusionId)
                .orElseThrow(() -> new UnknownIdException("exclusionId", exclusionId));
        if (!row.active()) {
            throw new ConflictException("exclusionId", "is already inactive: " + exclusionId);
        }
        int n = store.update(touch(Update.of(SafetyTables.ERA_UPDATES)).set("active", false)
                .where("exclusion_id", exclusionId).where("active", true));
        indexAfterCommit();
        if (n == 0) {
            throw new ConflictException("exclusionId", "is already inactive: " + exclusionId);
        }
    }

    /** Stamps the update with the database's clock, which the polling sync of every process reads. */
    private static Update touch(Update u) {
        return u.expression("updated_at", "clock_timestamp()");
    }

    /**
     * Brings the index up to the write that just committed by reading the change feed, whose snapshot is taken after
     * that commit. If the read fails, the write still stands (it committed): the failure is logged and the sync's
     * next read, at the latest one interval later, brings the row in.
     */
    private void indexAfterCommit() {
        try {
            sync.read();
        } catch (RuntimeException e) {
            LOG.error("the safety index could not read back a committed write; the next read of the sync brings it in", e);
        }
    }

    private void requireKernel(String field, String kernelId) {
        Checks.text(field, kernelId);
        if (!queries.kernelExists(kernelId)) {
            throw UnknownIdException.worded(field, "is an unknown kernel: " + kernelId);
        }
    }

    private ObjectNode metadata(JsonNode given) {
        if (given == null || given.isNull()) {
            return store.json().createObjectNode();
        }
        if (!given.isObject()) {
            throw new InvalidInputException("metadata", "must be a JSON object, is " + given.getNodeType());
        }
        return ((ObjectNode) given).deepCopy();
    }

    static Ball ball(BarrierRow r) {
        return new Ball("geometric_barriers", r.barrierId(), r.center(), r.radius(),
                r.type().sqlName() + ": " + r.reason(), r.kernelId(), false, null, null);
    }

    static Ball ball(ExcludedRegionRow r) {
        return new Ball("ocean_excluded_regions", r.regionId(), r.center(), r.radius(), r.reason().sqlName()
                + " (" + r.visitsWithoutGain() + " visits without gain)", r.agentId(), true, null, r.expiresAt());
    }

    static Ball ball(EraExclusionRow r) {
        return new Ball("era_exclusions", r.exclusionId(), r.center(), r.radius(), r.reason(), null, false, r.start(),
                r.end());
    }
}
