package dev.basin.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basin.geometry.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rules for text the API accepts: no NUL characters and no unpaired surrogates (PostgreSQL text cannot hold them), a
 * length cap, identifiers and enums from fixed alphabets, timestamps in ISO-8601 between the years 1 and 9999.
 */
final class Texts {
    static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Texts() {}

    static String check(String field, String s, int maxLength) {
        if (s.length() > maxLength) {
            throw new InvalidInputException(field, "must have at most " + maxLength + " characters, has " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw new InvalidInputException(field, "must not contain NUL characters (at " + i + ")");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new InvalidInputException(field, "contains an unpaired surrogate at " + i);
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new InvalidInputException(field, "contains an unpaired surrogate at " + i);
            }
        }
        return s;
    }

    /** A non-blank text of at most {@code maxLength} characters. */
    static String nonBlank(String field, String s, int maxLength) {
        check(field, s, maxLength);
        if (s.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return s;
    }

    private static final java.util.regex.Pattern HEX_ID = java.util.regex.Pattern.compile("[a-z]+_[0-9a-f]{16,64}");

    /** An id of the form {@code prefix + hex}; a malformed one cannot name anything stored, so it is a 404. */
    static String id(String field, String s, String prefix) {
        if (!s.startsWith(prefix) || !HEX_ID.matcher(s).matches()) {
            throw ApiProblem.notFound(field, "names nothing: \"" + clip(printable(s)) + "\" is not a " + prefix + "… id");
        }
        return s;
    }

    static String choice(String field, String s, Set<String> allowed) {
        if (!allowed.contains(s)) {
            throw new InvalidInputException(field, "must be one of " + new TreeSet<>(allowed) + ", is \"" + clip(printable(s)) + "\"");
        }
        return s;
    }

    static Instant instant(String field, String s) {
        if (s.length() > 64) {
            throw new InvalidInputException(field, "is not an ISO-8601 timestamp (too long)");
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                t = Instant.parse(s);
            } catch (DateTimeException e2) {
                throw new InvalidInputException(field, "is not an ISO-8601 timestamp with offset: \"" + clip(printable(s)) + "\"");
            }
        }
        if (t.isBefore(MIN_TIME) || t.isAfter(MAX_TIME)) {
            throw new InvalidInputException(field, "must be between " + MIN_TIME + " and " + MAX_TIME + ", is " + t);
        }
        return t;
    }

    /** Checks every string (keys and values) inside a JSON tree, and its depth. */
    static void checkTree(String field, JsonNode v) {
        checkTree(field, v, 0);
    }

    private static void checkTree(String field, JsonNode v, int depth) {
        if (depth > 32) {
            throw new InvalidInputException(field, "is nested deeper than 32 levels");
        }
        if (v.isTextual()) {
            check(field, v.textValue(), JsonBody.MAX_TEXT);
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                checkTree(field + "[" + i + "]", v.get(i), depth + 1);
            }
        } else if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                check(field, e.getKey(), JsonBody.MAX_NAME);
                checkTree(field + "." + e.getKey(), e.getValue(), depth + 1);
            }
        } else if (v.isNumber() && !Double.isFinite(v.doubleValue())) {
            throw new InvalidInputException(field, "holds a number that is not finite");
        }
    }

    /** The first 80 characters, for echoing a value in a message. */
    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** {@code s} with control characters and unpaired surrogates escaped, for messages. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
