package dev.basin.session;

import dev.basin.coordizer.BrownCorpus;
import dev.basin.geometry.InvalidInputException;
import dev.basin.rag.Document;
import dev.basin.rag.DocumentService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The documents a session ingests, in a reproducible order: by default a stratified sample of the shipped Brown
 * Corpus ({@link BrownCorpus}: the first {@value #PER_GENRE} documents of each of its 15 genres in file order, a
 * document's domain being its genre), or every {@code .md}/{@code .txt} file of a directory in file-name order, a
 * document's domain being its file name without the extension.
 */
final class Corpus {
    /**
     * Brown documents per genre in the default session: 2 × 15 genres = 30 documents (about 400 chunks), which keeps
     * the main job near its time target (docs/session.md); the coordizer itself is fitted on all 500.
     */
    static final int PER_GENRE = 2;

    private Corpus() {}

    static List<Document> load(DocumentService documents, Path dir) {
        return dir == null ? shipped() : directory(documents, dir);
    }

    private static List<Document> shipped() {
        List<Document> out = new ArrayList<>();
        Map<String, Integer> taken = new TreeMap<>();
        for (BrownCorpus.Document d : BrownCorpus.documents()) {
            if (taken.merge(d.genre(), 1, Integer::sum) <= PER_GENRE) {
                out.add(new Document(d.file() + ".txt", d.genre(), d.text().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    private static List<Document> directory(DocumentService documents, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("corpus", "is not a directory: " + dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".md") || n.endsWith(".txt");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the corpus directory " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("corpus", "holds no .md or .txt file: " + dir);
        }
        List<Document> out = new ArrayList<>();
        for (Path p : files) {
            out.add(documents.read(p, null));
        }
        return out;
    }
}
