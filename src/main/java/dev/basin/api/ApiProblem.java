package dev.basin.api;

import java.util.Map;

/**
 * A problem the API reports to the caller: HTTP status, a short type slug, a title, the field at fault and what is
 * wrong with it. Thrown by request parsing and routes; turned into an RFC 9457 body by {@link Problems}.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final String field;
    private final String problem;
    private final transient Map<String, String> headers;

    public ApiProblem(int status, String slug, String title, String field, String problem, Map<String, String> headers) {
        super(field == null ? problem : field + " " + problem, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.field = field;
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** 400: the request is malformed (syntax, type, missing field). */
    public static ApiProblem badRequest(String field, String problem) {
        return new ApiProblem(400, "malformed-request", "Malformed request", field, problem, Map.of());
    }

    /** 422: well-formed, but a value breaks a rule. */
    public static ApiProblem invalid(String field, String problem) {
        return new ApiProblem(422, "invalid-input", "Invalid input", field, problem, Map.of());
    }

    /** 404: the id names nothing. */
    public static ApiProblem notFound(String field, String problem) {
        return new ApiProblem(404, "not-found", "Not found", field, problem, Map.of());
    }

    /** 409: the request conflicts with stored state. */
    public static ApiProblem conflict(String field, String problem) {
        return new ApiProblem(409, "conflict", "Conflict", field, problem, Map.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
