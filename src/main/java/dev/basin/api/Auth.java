package dev.basin.api;

import dev.basin.store.Hashes;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Bearer-token guard for every non-GET request when a token is configured. The comparison is constant-time
 * ({@link MessageDigest#isEqual}) over SHA-256 digests, so neither content nor length leaks through timing.
 */
final class Auth {
    private final byte[] expected;

    Auth(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    boolean enabled() {
        return expected != null;
    }

    void check(Context ctx) {
        if (expected == null) {
            return;
        }
        HandlerType m = ctx.method();
        if (m == HandlerType.GET || m == HandlerType.HEAD || m == HandlerType.OPTIONS) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("is missing; send Authorization: Bearer <token>");
        }
        byte[] given = sha256(header.substring(7).trim());
        if (!MessageDigest.isEqual(expected, given)) {
            throw unauthorized("does not carry the server's token");
        }
    }

    private static ApiProblem unauthorized(String problem) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", "Authorization", problem,
                Map.of("WWW-Authenticate", "Bearer realm=\"basin\""));
    }

    private static byte[] sha256(String s) {
        return Hashes.sha256(s.getBytes(StandardCharsets.UTF_8));
    }
}
