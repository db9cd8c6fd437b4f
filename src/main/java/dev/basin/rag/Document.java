package dev.basin.rag;

import dev.basin.geometry.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A document read from a file and checked, ready to ingest: its file name, domain and bytes. */
public record Document(String filename, String domain, byte[] content) {
    /**
     * Reads and validates a file under {@code config}'s limits, without a store: a path without {@code ..}, a regular
     * file within the size limit (checked before reading), a valid file name, valid UTF-8 text. {@code domain} null
     * means the file name without its extension.
     */
    public static Document read(Path path, String domain, RagConfig config) {
        DocumentRules.path(path);
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("path", "is not a readable regular file: " + path);
        }
        try {
            long size = Files.size(path);
            if (size > config.maxBytes()) {
                throw new InvalidInputException("content", "is " + size + " bytes, over the limit of " + config.maxBytes());
            }
            String filename = DocumentRules.filename(path.getFileName().toString());
            byte[] bytes = Files.readAllBytes(path);
            DocumentRules.text(bytes, config.maxBytes());
            String dom = domain != null ? DocumentRules.domain(domain) : DocumentRules.domain(stem(filename));
            return new Document(filename, dom, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String stem(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
