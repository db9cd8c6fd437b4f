package dev.basin.api;

import dev.basin.geometry.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code basin serve} listens: address, port, bearer token, body limits.
 *
 * <p>Defaults: bind {@code 127.0.0.1}, port 8080, no token, 1 MiB for JSON bodies, 8 MiB for document uploads,
 * {@code Retry-After: 5} while the database is unreachable. Binding to a non-loopback address without a token is
 * refused here, before anything listens. A token, when set, guards every non-GET endpoint. {@link #toString()} masks
 * the token.
 */
public record ApiConfig(String bind, int port, String token, long maxBodyBytes, long maxUploadBytes, Duration retryAfter) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final long DEFAULT_MAX_UPLOAD = 8L << 20;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    /** Shortest accepted token: 16 characters. */
    public static final int MIN_TOKEN_LENGTH = 16;

    public ApiConfig {
        if (bind == null || bind.isBlank()) {
            throw new InvalidInputException("bind", "must be an address, is blank");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("port", "must be in [0, 65535] (0 = any free port), is " + port);
        }
        if (token != null) {
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new InvalidInputException("token", "must have at least " + MIN_TOKEN_LENGTH + " characters, has " + token.length());
            }
            if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new InvalidInputException("token", "must be printable ASCII without spaces");
            }
        }
        if (maxBodyBytes < 1 || maxUploadBytes < maxBodyBytes) {
            throw new InvalidInputException("maxBodyBytes", "must be positive and not above maxUploadBytes");
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new InvalidInputException("retryAfter", "must be a positive duration");
        }
        if (token == null && !isLoopback(bind)) {
            throw new InvalidInputException("bind",
                    "is not a loopback address (" + bind + "): binding to it requires a token (--token or BASIN_TOKEN)");
        }
    }

    /** Defaults with the given address, port and token ({@code null} = none). */
    public static ApiConfig of(String bind, int port, String token) {
        return new ApiConfig(bind, port, token, DEFAULT_MAX_BODY, DEFAULT_MAX_UPLOAD, DEFAULT_RETRY_AFTER);
    }

    /** Loopback on any free port, no token: for tests and embedding. */
    public static ApiConfig loopback() {
        return of(DEFAULT_BIND, 0, null);
    }

    /** This configuration with a token. */
    public ApiConfig withToken(String newToken) {
        return new ApiConfig(bind, port, newToken, maxBodyBytes, maxUploadBytes, retryAfter);
    }

    public Optional<String> tokenIfSet() {
        return Optional.ofNullable(token);
    }

    static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            throw new InvalidInputException("bind", "cannot be resolved: " + host);
        }
    }

    @Override
    public String toString() {
        return "ApiConfig[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "****")
                + ", maxBodyBytes=" + maxBodyBytes + ", maxUploadBytes=" + maxUploadBytes + ", retryAfter=" + retryAfter + "]";
    }
}
