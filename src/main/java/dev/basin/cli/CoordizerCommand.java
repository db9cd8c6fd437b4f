package dev.basin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.coordizer.CoordizerService;
import dev.basin.coordizer.CoordizerTables;
import dev.basin.coordizer.FitParams;
import dev.basin.coordizer.ModelRow;
import dev.basin.coordizer.TopicModel;
import dev.basin.geometry.InvalidInputException;
import dev.basin.rag.Document;
import dev.basin.rag.RagConfig;
import dev.basin.store.Store;
import dev.basin.store.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code basin coordizer fit|info}: fit a coordizer model on your own texts and make it the database's current model,
 * or show the current model and its topics (docs/coordizer.md).
 */
@Command(name = "coordizer", mixinStandardHelpOptions = true,
        description = "The coordizer (text -> basin): fit a model on texts, or show the current model and its topics.")
final class CoordizerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an operation is required: fit or info");
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Fit an NMF-64 coordizer on the given texts (.txt/.md files; a directory: its .txt/.md files,",
                    "recursively, in path order) and make it the database's current model. Earlier basins keep",
                    "their model's name. The same texts and seed always give the same model id."})
    int fit(@Mixin DatabaseOptions db,
            @Option(names = "--topics", defaultValue = "64", paramLabel = "K", description = "Number of topics (64: a basin has 64 entries).") int topics,
            @Option(names = "--seed", paramLabel = "S", description = "Seed of the initialisation (default ${DEFAULT-VALUE}).",
                    defaultValue = "" + FitParams.DEFAULT_SEED) long seed,
            @Option(names = "--json", description = "Print the result as one JSON document.") boolean json,
            @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Texts to fit on.") List<Path> paths) {
        FitParams params = FitParams.defaults().withTopics(topics).withSeed(seed);
        List<Path> files = files(paths);
        List<String> texts = new ArrayList<>(files.size());
        RagConfig limits = RagConfig.defaults();
        for (Path f : files) {
            texts.add(read(f, limits));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = open(db)) {
            ObjectNode source = store.json().createObjectNode().put("command", "basin coordizer fit")
                    .put("files", files.size());
            CoordizerService.FitResult r = new CoordizerService(store, Clock.systemUTC()).fit(texts, params, source);
            if (json) {
                ObjectNode o = summary(store, r.row(), r.model()).put("fitSeconds", r.fitSeconds());
                out.println(o.toString());
            } else {
                out.printf(Locale.ROOT, "fitted %s on %d texts (%d words in the vocabulary) in %.1f s; it is now the"
                        + " current model%n", r.model().id(), texts.size(), r.model().vocabularySize(), r.fitSeconds());
            }
        }
        out.flush();
        return BasinCommand.EXIT_OK;
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "The current model: id, corpus size, vocabulary, seed, and each topic's top words, as a basin's"
                    + " topics are named: topic 12 (court, law, jury, ...).")
    int info(@Mixin DatabaseOptions db,
            @Option(names = "--words", defaultValue = "8", paramLabel = "N", description = "Top words per topic (1-10).") int words,
            @Option(names = "--json", description = "Print one JSON document.") boolean json) {
        if (words < 1 || words > CoordizerService.TOP_WORDS) {
            throw new InvalidInputException("--words", "must be in [1, " + CoordizerService.TOP_WORDS + "], is " + words);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = open(db)) {
            CoordizerService service = new CoordizerService(store, Clock.systemUTC());
            TopicModel m = service.current();
            ModelRow row = service.row(m.id());
            if (json) {
                out.println(summary(store, row, m).toString());
            } else {
                out.printf(Locale.ROOT, "current model %s: %d texts (corpus SHA-256 %s), %d words, seed %d, fitted %s%n",
                        m.id(), row.documents(), row.corpusHash(), row.vocabularySize(), row.seed(), row.fittedAt());
                for (int j = 0; j < m.params().topics(); j++) {
                    out.printf(Locale.ROOT, "topic %d (%s)%n", j, String.join(", ", m.topWords(j, words)));
                }
            }
        }
        out.flush();
        return BasinCommand.EXIT_OK;
    }

    private static Store open(DatabaseOptions db) {
        Store store = db.open();
        store.register(CoordizerTables.all().toArray(new Table<?>[0]));
        return store;
    }

    private static ObjectNode summary(Store store, ModelRow row, TopicModel m) {
        ObjectNode o = store.json().createObjectNode().put("modelId", m.id()).put("documents", row.documents())
                .put("vocabularySize", row.vocabularySize()).put("seed", row.seed()).put("corpusHash", row.corpusHash())
                .put("fittedAt", row.fittedAt().toString());
        ArrayNode topics = o.putArray("topics");
        for (int j = 0; j < m.params().topics(); j++) {
            ArrayNode w = topics.addObject().put("topic", j).putArray("words");
            m.topWords(j, CoordizerService.TOP_WORDS).forEach(w::add);
        }
        return o;
    }

    /** The .txt/.md files of {@code paths} in the order given (a directory's in path order); none is an error. */
    static List<Path> files(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> inDir;
                try (Stream<Path> s = Files.walk(p)) {
                    inDir = s.filter(Files::isRegularFile).filter(CoordizerCommand::isText).sorted().toList();
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new InvalidInputException(p.toString(), "cannot be listed: " + e.getMessage());
                }
                if (inDir.isEmpty()) {
                    throw new InvalidInputException(p.toString(), "holds no .txt or .md file");
                }
                out.addAll(inDir);
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new InvalidInputException(p.toString(), Files.exists(p) ? "is not a regular file or directory"
                        : "does not exist");
            }
        }
        return out;
    }

    private static boolean isText(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".md");
    }

    private static String read(Path f, RagConfig limits) {
        try {
            return new String(Document.read(f, "fit", limits).content(), StandardCharsets.UTF_8);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(f.toString(), "cannot be used: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidInputException(f.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
