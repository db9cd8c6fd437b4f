package dev.basin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.coordizer.CoordizerTables;
import dev.basin.rag.Document;
import dev.basin.rag.DocumentService;
import dev.basin.rag.IngestResult;
import dev.basin.rag.RagConfig;
import dev.basin.rag.RagTables;
import dev.basin.store.Store;
import dev.basin.store.Table;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code basin ingest FILE…}: stores documents (SHA-256 dedupe, chunked and coordized). Every file is read and
 * checked before the database is touched, so one bad file means nothing is ingested (exit 2).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest text documents: one rag_uploads row per distinct content (SHA-256), its chunks coordized",
                "into rag_chunks, and its document_training_stats row. Content already stored is reported, not stored again."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "UTF-8 text files (at most 8 MiB each).")
    List<Path> files;

    @Option(names = "--domain", paramLabel = "D", description = "Domain of every file (default: each file's name without extension).")
    String domain;

    @Option(names = "--json", description = "Print the results as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RagConfig config = RagConfig.defaults();
        List<Document> documents = new ArrayList<>();
        for (Path f : files) {
            documents.add(Document.read(f, domain, config));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = db.open()) {
            store.register(CoordizerTables.all().toArray(new Table<?>[0]));
            store.register(RagTables.all().toArray(new Table<?>[0]));
            DocumentService service = new DocumentService(store, Clock.systemUTC(), config);
            ArrayNode results = store.json().createArrayNode();
            for (Document d : documents) {
                IngestResult r = service.ingest(d.filename(), d.domain(), d.content());
                if (json) {
                    ObjectNode o = results.addObject().put("file", d.filename()).put("inserted", r.inserted())
                            .put("uploadId", r.upload().uploadId()).put("storedFilename", r.upload().filename())
                            .put("domain", r.upload().domain()).put("chunkCount", r.upload().chunkCount())
                            .put("byteSize", r.upload().byteSize()).put("contentHash", r.upload().contentHash());
                    o.put("message", r.describe());
                } else {
                    out.println(d.filename() + ": " + r.describe());
                }
            }
            if (json) {
                ObjectNode doc = store.json().createObjectNode();
                doc.set("documents", results);
                out.println(store.json().writeValueAsString(doc));
            }
        }
        out.flush();
        return BasinCommand.EXIT_OK;
    }
}
