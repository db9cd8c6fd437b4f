package dev.basin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Utf8;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads request bodies under the configured limits: the media type must be one the endpoint accepts (else 415), the
 * body at most the limit (else 413, decided from {@code Content-Length} before reading when it is sent), and its bytes
 * valid UTF-8 (else 400).
 */
final class Requests {
    static final String JSON = "application/json";

    private final ObjectMapper mapper;
    private final long maxBody;
    private final long maxUpload;

    Requests(ObjectMapper mapper, ApiConfig config) {
        this.mapper = mapper;
        this.maxBody = config.maxBodyBytes();
        this.maxUpload = config.maxUploadBytes();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The JSON object body of {@code ctx}. */
    JsonBody json(Context ctx) {
        requireMediaType(ctx, Set.of(JSON));
        byte[] bytes = read(ctx, maxBody);
        utf8(bytes);
        return JsonBody.parse(mapper, bytes);
    }

    /** The JSON object body, or an empty object when the request has no body. */
    JsonBody optionalJson(Context ctx) {
        String length = ctx.header("Content-Length");
        boolean chunked = ctx.header("Transfer-Encoding") != null;
        if (!chunked && (length == null || length.trim().equals("0"))) {
            return JsonBody.empty(mapper);
        }
        return json(ctx);
    }

    /** A text upload of at most the upload limit, decoded as strict UTF-8. */
    String text(Context ctx, Set<String> mediaTypes) {
        requireMediaType(ctx, mediaTypes);
        byte[] bytes = read(ctx, maxUpload);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("body", "is empty; the document's text is required");
        }
        return utf8(bytes);
    }

    static void requireMediaType(Context ctx, Set<String> accepted) {
        String header = ctx.header("Content-Type");
        if (header == null || header.isBlank()) {
            throw unsupported("is missing; send one of " + accepted);
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type)) {
            throw unsupported("is " + Texts.clip(Texts.printable(type)) + "; this endpoint accepts " + accepted);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String cs = kv[1].trim().replace("\"", "");
                if (!cs.equalsIgnoreCase("utf-8") && !cs.equalsIgnoreCase("utf8")) {
                    throw unsupported("charset is " + Texts.clip(Texts.printable(cs)) + "; only utf-8 is accepted");
                }
            }
        }
    }

    private static ApiProblem unsupported(String problem) {
        return new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "Content-Type", problem, Map.of());
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "body-too-large", "Request body too large", "body",
                "is larger than the limit of " + limit + " bytes", Map.of());
    }

    /**
     * Reads the body, refusing more than {@code limit} bytes. An oversized body is still read and discarded up to
     * {@value #DRAIN_CAP} bytes, so that the client, which is usually still sending, receives the 413 instead of a
     * reset connection; beyond that the connection is simply closed after the answer.
     */
    static byte[] read(Context ctx, long limit) {
        String length = ctx.header("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("Content-Length", "is not a number");
            }
        }
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > limit) {
                drain(in);
                throw tooLarge(limit);
            }
            if (declared >= 0 && declared < 16_384) {
                // the usual small body of known length: read into an array of exactly that size (the stream ends there)
                return in.readNBytes((int) declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16_384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
                if (total > limit) {
                    drain(in);
                    throw tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "could not be read completely: " + e.getMessage());
        }
    }

    /** Most bytes of an oversized body read and discarded before answering 413. */
    static final long DRAIN_CAP = 64L << 20;

    /** Reads and discards whatever of the request body is still unread (errors while doing so are moot). */
    static void discardRest(Context ctx) {
        try {
            drain(ctx.req().getInputStream());
        } catch (IOException | IllegalStateException e) {
            // The body was already consumed or the client is gone: nothing is left to discard.
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[65_536];
        long total = 0;
        int n;
        while (total < DRAIN_CAP && (n = in.read(buf)) >= 0) {
            total += n;
        }
    }

    static String utf8(byte[] bytes) {
        try {
            return Utf8.strict(bytes, "body");
        } catch (InvalidInputException e) {
            throw ApiProblem.badRequest("body", "is not valid UTF-8");
        }
    }
}
