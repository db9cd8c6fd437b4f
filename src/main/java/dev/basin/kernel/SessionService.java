package dev.basin.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Starts and finishes sessions (one per {@code basin run}, one implicit per server start). */
public final class SessionService {
    private final Store store;
    private final Clock clock;

    public SessionService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new {@code running} session with its seed and configuration; metadata records the runtime it ran on. */
    public SessionRow start(long seed, JsonNode config) {
        if (config == null || !config.isObject()) {
            throw new InvalidInputException("config", "must be a JSON object");
        }
        ObjectNode meta = store.json().createObjectNode();
        meta.put("java_version", Runtime.version().toString());
        meta.put("processors", Runtime.getRuntime().availableProcessors());
        meta.put("seed_hex", Long.toHexString(seed));
        SessionRow row = new SessionRow(Ids.next("ses_"), seed, config, SessionStatus.RUNNING, clock.instant(), null,
                meta);
        store.insert(KernelTables.SESSIONS, row);
        return row;
    }

    /** Marks a running session {@code completed} or {@code failed}, recording its duration and kernel count. */
    public SessionRow finish(String sessionId, SessionStatus status) {
        if (status == null || status == SessionStatus.RUNNING) {
            throw new InvalidInputException("status", "must be completed or failed, is " + status);
        }
        SessionRow s = get(sessionId);
        if (s.status() != SessionStatus.RUNNING) {
            throw new InvalidInputException("session_id", "is already " + s.status().sqlName() + ": " + sessionId);
        }
        Instant now = clock.instant();
        Instant end = now.isBefore(s.startedAt()) ? s.startedAt() : now;
        int kernels = store.jdbi().withHandle(h -> KernelQueries.kernelsInSession(h, sessionId));
        ObjectNode meta = ((ObjectNode) s.metadata().deepCopy());
        meta.put("duration_ms", Duration.between(s.startedAt(), end).toMillis());
        meta.put("kernels", kernels);
        store.update(Update.of(KernelTables.SESSIONS).set("status", status.sqlName()).set("finished_at", end)
                .set("metadata", meta).where("session_id", sessionId).where("status", "running"));
        return get(sessionId);
    }

    public SessionRow get(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidInputException("session_id", "must not be blank");
        }
        return store.jdbi().withHandle(h -> KernelQueries.session(h, sessionId))
                .orElseThrow(() -> new UnknownIdException("session_id", sessionId));
    }
}
