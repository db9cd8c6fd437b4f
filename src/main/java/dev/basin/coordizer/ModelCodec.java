package dev.basin.coordizer;

import dev.basin.geometry.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** A model as stored: its canonical bytes, gzip-compressed, in base64 (the {@code model} column). */
public final class ModelCodec {
    private ModelCodec() {}

    public static String encode(TopicModel model) {
        return Base64.getEncoder().encodeToString(gzip(model.canonicalBytes()));
    }

    /** Decodes a stored model and checks that its content still hashes to {@code expectedId}. */
    public static TopicModel decode(String stored, String expectedId) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("model", "is not base64: " + e.getMessage());
        }
        TopicModel m = fromGzip(new ByteArrayInputStream(raw));
        if (expectedId != null && !m.id().equals(expectedId)) {
            throw new IllegalStateException("stored model " + expectedId + " hashes to " + m.id()
                    + ": its content was changed after it was stored");
        }
        return m;
    }

    /** Reads gzip-compressed canonical bytes. */
    public static TopicModel fromGzip(InputStream in) {
        try (GZIPInputStream g = new GZIPInputStream(in)) {
            return TopicModel.fromCanonicalBytes(g.readAllBytes());
        } catch (IOException e) {
            throw new InvalidInputException("model", "is not a gzip stream: " + e.getMessage());
        }
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
