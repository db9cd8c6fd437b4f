package dev.basin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an RFC 9457 problem detail ({@code application/problem+json}) with {@code type},
 * {@code title}, {@code status}, {@code detail}, and, when a field is at fault, {@code field} and {@code problem}.
 *
 * <p>Mapping, by type only ({@link #map}): {@link ApiProblem} as it says; {@link UnknownIdException} 404,
 * {@link ConflictException} 409, other {@link InvalidInputException} 422; store failures ({@link StoreErrors}): commit
 * outcome unknown and connection lost 503 with {@code Retry-After}, unique violation 409, foreign key 404, check 422.
 * Anything else is the server's fault: 500 with a reference that is also logged, never a stack trace.
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:basin:problem:";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

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

    /**
     * The problem that {@code failure} means to the caller, chosen by its type alone (never by its message):
     * {@link ApiProblem} as it says; {@link UnknownIdException} 404, {@link ConflictException} 409, any other
     * {@link InvalidInputException} 422; store failures as {@link StoreErrors} maps them; else 500.
     */
    ApiProblem map(Throwable failure) {
        ApiProblem known = switch (failure) {
            case ApiProblem p -> p;
            case UnknownIdException u -> ApiProblem.notFound(apiField(u.field()), u.problem());
            case ConflictException c -> ApiProblem.conflict(apiField(c.field()), c.problem());
            case InvalidInputException bad -> ApiProblem.invalid(apiField(bad.field()), bad.problem());
            case HttpResponseException h -> fromStatus(h.getStatus(), h.getMessage());
            default -> StoreErrors.map(failure, retryAfter);
        };
        if (known != null) {
            if (known.status() >= 500) {
                LOG.warn("store unavailable: {}", failure.toString());
            }
            return known;
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
        return camel(head) + (bracket < 0 ? "" : field.substring(bracket));
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

    /** {@code snake_case} → {@code camelCase}: a stored column's name as the API spells the field. */
    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
