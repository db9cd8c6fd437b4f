package dev.basin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code docs/….md} named in the sources, the docs and the README exists. */
class DocsReferencesTest {
    private static final Pattern REFERENCE = Pattern.compile("docs/[A-Za-z0-9_./-]+\\.md");
    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void everyReferencedDocExists() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src/main", "docs", "bench")) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
                s.filter(Files::isRegularFile).filter(DocsReferencesTest::isText).forEach(files::add);
            }
        }
        files.add(ROOT.resolve("README.md"));
        List<String> references = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path f : files) {
            Matcher m = REFERENCE.matcher(read(f));
            while (m.find()) {
                references.add(m.group());
                if (!Files.isRegularFile(ROOT.resolve(m.group()))) {
                    missing.add(ROOT.relativize(f) + ": " + m.group());
                }
            }
        }
        assertThat(references).as("references found (the scan reads the sources)").hasSizeGreaterThan(20);
        assertThat(missing).as("references to docs that do not exist").isEmpty();
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".java") || n.endsWith(".md") || n.endsWith(".sql") || n.endsWith(".html")
                || n.endsWith(".js") || n.endsWith(".py") || n.endsWith(".sh") || !n.contains(".");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
