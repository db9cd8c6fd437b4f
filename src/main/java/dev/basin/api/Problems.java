package dev.basin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.InvalidInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem detail ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail}, and, when a field is at fault, {@code field} and {@code problem}.
 *
 * <p>Mapping: {@link ApiProblem} as it says; {@link InvalidInputException} 422 (404 when it says an id is unknown, 409 when it says a state is already reached);
 * exceptions named {@code *NotFoundException} 404 and {@code *ConflictException} 409; store failures by SQLState
 * ({@link StoreErrors}): connection lost 503 with {@code Retry-After}, unique violation 409, foreign key 404, check 422.
 * Anything else is the server's fault: 500 with a reference that is also logged, never a stack trace.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:basin:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final Pattern ALREADY = Pattern.compile("\\balready\\b");
    private static final Pattern UNKNOWN = Pattern.compile("\\b(unknown|not found|does not exist|no such)\\b");

    private final ObjectMapper json;
    private final Duration retryAfter;

    Problems(ObjectMapper json, Duration retryAfter) {
        this.json = json;
        this.retryAfter = retryAfter;
    }

    /**
     * Writes the problem for {@code failure} to {@code ctx}. The rest of the request body is read and discarded first
     * (up to {@link Requests#DRAIN_CAP}), so that the connection stays usable for the client's next request.
     */
    void handle(Throwable failure, Context ctx) {
        Requests.discardRest(ctx);
        write(ctx, map(failure));
    }

    /** The problem that {@code failure} means to the caller. */
    ApiProblem map(Throwable failure) {
        if (failure instanceof ApiProblem p) {
            return p;
        }
        if (failure instanceof InvalidInputException bad) {
            String field = apiField(bad.field());
            if (ALREADY.matcher(bad.problem().toLowerCase(Locale.ROOT)).find()) {
                return ApiProblem.conflict(field, bad.problem());
            }
            return UNKNOWN.matcher(bad.problem().toLowerCase(Locale.ROOT)).find()
                    ? ApiProblem.notFound(field, bad.problem())
                    : ApiProblem.invalid(field, bad.problem());
        }
        String name = failure.getClass().getSimpleName();
        if (name.endsWith("NotFoundException")) {
            return ApiProblem.notFound(fieldOf(failure, "id"), String.valueOf(failure.getMessage()));
        }
        if (name.endsWith("ConflictException")) {
            return ApiProblem.conflict(fieldOf(failure, null), String.valueOf(failure.getMessage()));
        }
        ApiProblem store = StoreErrors.map(failure, retryAfter);
        if (store != null) {
            if (store.status() >= 500) {
                LOG.warn("store unavailable: {}", failure.toString());
            }
            return store;
        }
        if (failure instanceof HttpResponseException h) {
            return fromStatus(h.getStatus(), h.getMessage());
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("internal error ref={}", ref, failure);
        return new ApiProblem(500, "internal-error", "Internal server error", null,
                "the server failed while handling this request (reference " + ref + " in its log)", Map.of());
    }

    /** A service's field name as the API spells it: {@code kernel_id} becomes {@code kernelId} (indexes kept). */
    static String apiField(String field) {
        if (field == null || !field.matches("[a-z][a-z0-9_]*(\\[.*)?")) {
            return field;
        }
        int bracket = field.indexOf('[');
        String head = bracket < 0 ? field : field.substring(0, bracket);
        return ApiQueries.camel(head) + (bracket < 0 ? "" : field.substring(bracket));
    }

    /** A problem for a bare status (unknown route, wrong method, ...). */
    static ApiProblem fromStatus(int status, String message) {
        return switch (status) {
            case 404 -> new ApiProblem(404, "no-such-resource", "Not found", "path", "matches no endpoint", Map.of());
            case 405 -> new ApiProblem(405, "method-not-allowed", "Method not allowed", "method", "is not allowed on this path", Map.of());
            case 413 -> new ApiProblem(413, "body-too-large", "Request body too large", "body", "is too large", Map.of());
            default -> new ApiProblem(status, "http-" + status, message == null || message.isBlank() ? "HTTP " + status : message,
                    null, message == null ? "HTTP " + status : message, Map.of());
        };
    }

    void write(Context ctx, ApiProblem p) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE_PREFIX + p.slug());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.getMessage());
        if (p.field() != null) {
            body.put("field", p.field());
        }
        body.put("problem", p.problem());
        body.put("instance", ctx.path());
        p.headers().forEach(ctx::header);
        ctx.status(p.status());
        ctx.contentType(CONTENT_TYPE);
        try {
            ctx.result(json.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("problem detail could not be written", e);
        }
    }

    private static String fieldOf(Throwable t, String fallback) {
        if (t instanceof InvalidInputException bad) {
            return bad.field();
        }
        try {
            Object f = t.getClass().getMethod("field").invoke(t);
            return f == null ? fallback : f.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fallback;
        }
    }
}
