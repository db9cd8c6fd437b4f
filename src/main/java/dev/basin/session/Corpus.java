package dev.basin.session;

import dev.basin.geometry.InvalidInputException;
import dev.basin.rag.Document;
import dev.basin.rag.DocumentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The documents a session ingests, in file-name order (so ingestion is reproducible): the shipped default corpus
 * ({@code corpus/index.txt} on the class path lists its files), or every {@code .md}/{@code .txt} file of a directory.
 * A document's domain is its file name without the extension.
 */
final class Corpus {
    private static final String INDEX = "corpus/index.txt";

    private Corpus() {}

    static List<Document> load(DocumentService documents, Path dir) {
        return dir == null ? shipped(documents) : directory(documents, dir);
    }

    private static List<Document> shipped(DocumentService documents) {
        List<Document> out = new ArrayList<>();
        String index = new String(resource(INDEX), StandardCharsets.UTF_8);
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty()) {
                continue;
            }
            byte[] content = resource("corpus/" + name);
            out.add(new Document(name, stem(name), content));
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

    private static byte[] resource(String name) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped corpus is missing " + name + " from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
