package dev.basin.geometry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The architecture rule "geometry depends on nothing": its sources import only the JDK (java.*, and the JDK's Vector API). */
class DependencyRuleTest {
    @Test
    void geometryImportsOnlyTheJdk() throws IOException {
        Path dir = Path.of("src/main/java/dev/basin/geometry");
        List<String> imports;
        try (Stream<Path> files = Files.list(dir)) {
            imports = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        assertThat(imports).isNotEmpty().allMatch(l -> l.matches("import (static )?(java|jdk\\.incubator\\.vector)\\.[\\w.]+;"));
    }
}
