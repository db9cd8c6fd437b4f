package dev.basin.coordizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The shipped Brown Corpus (W. N. Francis and H. Kučera, 1964/1979; {@code corpus/brown/NOTICE.md}): 500 documents
 * of about 2,000 words in 15 genres, read from {@value #RESOURCE} on the class path in file order. The default
 * coordizer model is fitted on it and a session ingests it, a document's domain being its genre.
 */
public final class BrownCorpus {
    /** Class-path resource: lines {@code @@ <file> <genre>}, each followed by that document's text. */
    public static final String RESOURCE = "corpus/brown/brown.txt.gz";

    /** One document: its Brown file name (e.g. {@code ca01}), genre (e.g. {@code news}) and text. */
    public record Document(String file, String genre, String text) {}

    private BrownCorpus() {}

    /** The 500 documents, in file order. */
    public static List<Document> documents() {
        List<Document> out = new ArrayList<>();
        try (InputStream raw = BrownCorpus.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the shipped corpus " + RESOURCE + " is missing from the class path");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String file = null;
            String genre = null;
            StringBuilder text = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("@@ ")) {
                    if (file != null) {
                        out.add(new Document(file, genre, text.toString()));
                    }
                    String[] parts = line.substring(3).split(" ");
                    if (parts.length != 2) {
                        throw new IllegalStateException(RESOURCE + " has a malformed header line: " + line);
                    }
                    file = parts[0];
                    genre = parts[1];
                    text.setLength(0);
                } else {
                    text.append(line).append('\n');
                }
            }
            if (file != null) {
                out.add(new Document(file, genre, text.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /** The documents' texts, in file order: the default model's training set. */
    public static List<String> texts() {
        return documents().stream().map(Document::text).toList();
    }
}
