package dev.basin.api;

import dev.basin.geometry.InvalidInputException;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Validated path and query parameters; errors name the parameter. */
final class Params {
    private static final Pattern HEX_ID = Pattern.compile("[a-z]+_[0-9a-f]{16,64}");

    private Params() {}

    /** A path id with the given prefix (e.g. {@code krn_}); a malformed one names nothing, so it is a 404. */
    static String id(Context ctx, String name, String prefix) {
        return Texts.id(name, ctx.pathParam(name), prefix);
    }

    static long integer(Context ctx, String name, long min, long max, long fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name, "must be an integer, is \"" + Texts.clip(Texts.printable(v)) + "\"");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(name, "must be in [" + min + ", " + max + "], is " + n);
        }
        return n;
    }

    static Optional<String> optionalId(Context ctx, String name, String prefix) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.startsWith(prefix) || !HEX_ID.matcher(v).matches()) {
            throw new InvalidInputException(name, "must be a " + prefix + "… id, is \"" + Texts.clip(Texts.printable(v)) + "\"");
        }
        return Optional.of(v);
    }

    static Optional<String> optionalChoice(Context ctx, String name, Set<String> allowed) {
        String v = ctx.queryParam(name);
        return v == null ? Optional.empty() : Optional.of(Texts.choice(name, v, allowed));
    }

    static Optional<Instant> optionalInstant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? Optional.empty() : Optional.of(Texts.instant(name, v));
    }

    /** A required, non-blank query parameter of at most {@code maxLength} characters. */
    static String text(Context ctx, String name, int maxLength) {
        String v = ctx.queryParam(name);
        if (v == null) {
            throw ApiProblem.badRequest(name, "is missing (query parameter)");
        }
        return Texts.nonBlank(name, v, maxLength);
    }

    /** A file name: 1 to 255 characters, no path separators, no "..", no control characters. */
    static String filename(Context ctx, String name) {
        String v = text(ctx, name, 255);
        if (v.contains("/") || v.contains("\\") || v.contains("..") || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidInputException(name, "must be a plain file name (no path separators, \"..\" or control characters), is \""
                    + Texts.clip(Texts.printable(v)) + "\"");
        }
        return v;
    }

    static boolean bool(Context ctx, String name, boolean fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.badRequest(name, "must be true or false, is \"" + Texts.clip(Texts.printable(v)) + "\"");
        };
    }
}
