package dev.basin.runs;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.ConflictException;
import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Ids;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Starts, finishes and reads sessions: one per {@code basin run}, one implicit per server start. A session is
 * {@code running} until finished {@code completed} or {@code failed}; kernels are created only in a running one.
 */
public final class SessionLog {
    private final Store store;
    private final Clock clock;

    public SessionLog(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new {@code running} session with its seed and configuration; metadata records the runtime it ran on. */
    public SessionRecord start(long seed, JsonNode config) {
        if (config == null || !config.isObject()) {
            throw new InvalidInputException("config", "must be a JSON object");
        }
        ObjectNode meta = store.json().createObjectNode();
        meta.put("java_version", Runtime.version().toString());
        meta.put("processors", Runtime.getRuntime().availableProcessors());
        meta.put("seed_hex", Long.toHexString(seed));
        SessionRecord row = new SessionRecord(Ids.next("ses_"), seed, config, SessionStatus.RUNNING, clock.instant(),
                null, meta);
        store.insert(SessionTables.SESSIONS, row);
        return row;
    }

    /** As {@link #finish(String, SessionStatus, Map)} with no facts. */
    public SessionRecord finish(String sessionId, SessionStatus status) {
        return finish(sessionId, status, Map.of());
    }

    /**
     * Marks a running session {@code completed} or {@code failed}, recording its duration and the caller's
     * {@code facts} (e.g. the number of kernels that lived in it) in its metadata.
     */
    public SessionRecord finish(String sessionId, SessionStatus status, Map<String, ?> facts) {
        if (status == null || status == SessionStatus.RUNNING) {
            throw new InvalidInputException("status", "must be completed or failed, is " + status);
        }
        requirePresent("facts", facts);
        SessionRecord s = get(sessionId);
        if (s.status() != SessionStatus.RUNNING) {
            throw new ConflictException("session_id", "is already " + s.status().sqlName() + ": " + sessionId);
        }
        Instant now = clock.instant();
        Instant end = now.isBefore(s.startedAt()) ? s.startedAt() : now;
        ObjectNode meta = ((ObjectNode) s.metadata().deepCopy());
        meta.put("duration_ms", Duration.between(s.startedAt(), end).toMillis());
        facts.forEach((k, v) -> meta.set(k, store.json().valueToTree(v)));
        store.update(Update.of(SessionTables.SESSIONS).set("status", status.sqlName()).set("finished_at", end)
                .set("metadata", meta).where("session_id", sessionId).where("status", "running"));
        return get(sessionId);
    }

    /** The session {@code sessionId}; an unknown id is bad input naming it. */
    public SessionRecord get(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidInputException("session_id", "must not be blank");
        }
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + SessionTables.SESSIONS.columnList()
                        + " FROM sessions WHERE session_id = :id")
                .bind("id", sessionId)
                .map((rs, ctx) -> new SessionRecord(rs.getString("session_id"), rs.getLong("seed"), Rows.json(rs, "config"),
                        Rows.stored(rs, "status", SessionStatus.class), Rows.instant(rs, "started_at"),
                        Rows.instant(rs, "finished_at"), Rows.json(rs, "metadata")))
                .findOne())
                .orElseThrow(() -> new UnknownIdException("session_id", sessionId));
    }

    /** Throws unless {@code sessionId} names a running session. */
    public void requireRunning(String sessionId) {
        SessionRecord s = get(sessionId);
        if (s.status() != SessionStatus.RUNNING) {
            throw new InvalidInputException("session_id", "is not running: " + sessionId);
        }
    }
}
