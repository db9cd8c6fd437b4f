package dev.basin.rag;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.coordizer.CoordizerService;
import dev.basin.coordizer.TopicModel;
import dev.basin.geometry.ConflictException;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Hashes;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Upsert;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Documents in and knowledge out: {@link #ingest} stores a document once per content (SHA-256), chunked and
 * coordized by the database's current coordizer model (whose id every upload and chunk stores), in one unit of work;
 * {@link #query} returns the nearest chunks of the same model by Fisher–Rao distance and counts the retrieval in
 * {@code document_training_stats} for every document it touched. Basins of different models are never compared.
 *
 * <p>Retrieval runs over an in-memory index loaded from {@code rag_chunks} on first use and kept in step by this
 * service's own ingests; {@link #refresh()} reloads it after other processes ingested.
 */
public final class DocumentService {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Running mean of the query Φ: the existing mean weighted by its count, plus the new value. */
    static final String AVG_PHI_SQL = "(t.avg_phi_score * t.total_queries + excluded.avg_phi_score) / (t.total_queries + 1)";

    private static final Upsert DEDUPE = Upsert.on("content_hash").doNothing();
    private static final Upsert COUNT_QUERY = Upsert.on("document_id")
            .increment("total_queries", 1)
            .expression("total_hits", "t.total_hits + excluded.total_hits")
            .expression("avg_phi_score", AVG_PHI_SQL)
            .set("last_query_at")
            .set("last_updated")
            .set("metadata");

    private final Store store;
    private final Clock clock;
    private final RagConfig config;
    private final Chunker chunker;
    private final RagQueries queries;
    private final CoordizerService coordizer;
    private final ChunkIndex index = new ChunkIndex();
    private volatile boolean indexLoaded;

    public DocumentService(Store store, Clock clock) {
        this(store, clock, RagConfig.defaults());
    }

    public DocumentService(Store store, Clock clock, RagConfig config) {
        this(store, clock, config, new CoordizerService(store, clock));
    }

    public DocumentService(Store store, Clock clock, RagConfig config, CoordizerService coordizer) {
        this.coordizer = Objects.requireNonNull(coordizer, "coordizer");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.chunker = new Chunker(config.maxChunkChars(), config.minChunkChars());
        this.queries = new RagQueries();
    }

    public RagConfig config() {
        return config;
    }

    /** The coordizer models of this database. */
    public CoordizerService coordizer() {
        return coordizer;
    }

    /** The basin of {@code text} under the current model, with the model's id. */
    public CoordizerService.Coordized coordize(String text) {
        return coordizer.coordize(text);
    }

    /**
     * Ingests the file at {@code path} under its own file name. {@code domain} null means the file name without its
     * extension. Paths containing {@code ..}, missing or non-regular files, and files over the size limit are
     * rejected before they are read.
     */
    public IngestResult ingest(Path path, String domain) {
        Document d = Document.read(path, domain, config);
        return ingest(d.filename(), d.domain(), d.content());
    }

    /** Reads and validates a file under this service's limits, without writing anything. */
    public Document read(Path path, String domain) {
        return Document.read(path, domain, config);
    }

    /**
     * Stores {@code content} as a document: upload row, chunks and an initial training-stats row commit together.
     * Content already stored (under any name, also by a concurrent caller) is not stored again: the existing upload is
     * returned with {@code inserted == false}.
     */
    public IngestResult ingest(String filename, String domain, byte[] content) {
        DocumentRules.filename(filename);
        DocumentRules.domain(domain);
        String text = DocumentRules.text(content, config.maxBytes());
        String hash = Hashes.sha256Hex(content);
        Instant now = clock.instant();
        String uploadId = Ids.next("rag_");
        List<Chunker.Chunk> pieces = chunker.chunk(text);
        TopicModel model = coordizer.current();
        List<ChunkRow> chunks = new ArrayList<>(pieces.size());
        double phiSum = 0.0;
        for (Chunker.Chunk c : pieces) {
            Basin basin = model.coordize(c.text());
            double phi = Integration.phi(basin);
            phiSum += phi;
            ObjectNode meta = JSON.objectNode().put("heading", c.heading()).put("char_count", c.text().length())
                    .put("phi", phi);
            chunks.add(new ChunkRow(Ids.next("chk_"), uploadId, c.ordinal(), c.text(), basin, model.id(), now, meta));
        }
        ObjectNode meta = JSON.objectNode().put("char_count", text.length())
                .put("line_count", text.split("\n", -1).length).put("mean_chunk_phi", phiSum / chunks.size());
        meta.putObject("chunker").put("max_chars", chunker.maxChars()).put("min_chars", chunker.minChars());
        UploadRow upload = new UploadRow(uploadId, filename, domain, hash, content.length, chunks.size(),
                model.id(), now, meta);
        TrainingStatsRow stats = new TrainingStatsRow(uploadId, 0, 0, 0.0, null, now, now,
                JSON.objectNode().put("source", "ingest").put("chunk_count", chunks.size()));

        IngestResult result = store.inTransaction(tx -> {
            if (!tx.upsert(RagTables.UPLOADS, upload, DEDUPE)) {
                UploadRow existing = queries.uploadByHash(tx.handle(), hash).orElseThrow(() -> new IllegalStateException(
                        "content_hash " + hash + " conflicted but no upload holds it"));
                return new IngestResult(existing, false);
            }
            tx.insertBatch(RagTables.CHUNKS, chunks);
            tx.insert(RagTables.TRAINING_STATS, stats);
            return new IngestResult(upload, true);
        });
        if (result.inserted()) {
            addToIndex(chunks.stream().map(c -> new IndexedChunk(c.chunkId(), uploadId, domain, c.ordinal(), c.content(),
                    c.basin(), c.embeddingModel())).toList());
        }
        return result;
    }

    private synchronized void addToIndex(List<IndexedChunk> chunks) {
        if (indexLoaded) {
            index.add(chunks);
        }
    }

    /**
     * The {@code k} chunks nearest to the coordized {@code text} (Fisher–Rao, nearest first). Every document touched
     * gets, atomically: total_queries + 1, total_hits + (its chunks among the results), and avg_phi_score updated to
     * the running mean of Φ(query basin). All documents of one query are counted in one unit of work, in document-id
     * order.
     */
    public QueryResult query(String text, int k) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "must not be blank");
        }
        if (text.length() > config.maxQueryChars()) {
            throw new InvalidInputException("text", "must be at most " + config.maxQueryChars() + " characters, has "
                    + text.length());
        }
        if (k < 1 || k > config.maxK()) {
            throw new InvalidInputException("k", "must be in [1, " + config.maxK() + "], is " + k);
        }
        TopicModel model = coordizer.current();
        Basin basin = model.coordize(text);
        double phi = Integration.phi(basin);
        List<ChunkHit> hits = nearestOfModel(basin, model.id(), k);
        Map<String, Integer> perDocument = new TreeMap<>();
        for (ChunkHit h : hits) {
            perDocument.merge(h.uploadId(), 1, Integer::sum);
        }
        if (!perDocument.isEmpty()) {
            Instant now = clock.instant();
            double best = hits.get(0).distance();
            store.useTransaction(tx -> {
                for (Map.Entry<String, Integer> e : perDocument.entrySet()) {
                    ObjectNode meta = JSON.objectNode();
                    meta.putObject("last_query").put("k", k).put("hits", e.getValue()).put("phi", phi)
                            .put("best_distance", best);
                    tx.upsert(RagTables.TRAINING_STATS,
                            new TrainingStatsRow(e.getKey(), 1, e.getValue(), phi, now, now, now, meta), COUNT_QUERY);
                }
            });
        }
        return new QueryResult(basin, phi, hits);
    }

    /**
     * The {@code k} chunks nearest to {@code basin}, nearest first. A lookup by basin (e.g. from a tool), not a text
     * query: it does not count in the training stats.
     */
    public List<ChunkHit> nearest(Basin basin, int k) {
        requirePresent("basin", basin);
        if (k < 1 || k > config.maxK()) {
            throw new InvalidInputException("k", "must be in [1, " + config.maxK() + "], is " + k);
        }
        return nearestOfModel(basin, coordizer.current().id(), k);
    }

    /**
     * The nearest chunks of {@code model}. An index holding chunks, none of them of {@code model}, refuses: the query
     * would otherwise be compared with basins of another model (or silently find nothing).
     */
    private List<ChunkHit> nearestOfModel(Basin basin, String model, int k) {
        ChunkIndex idx = loadedIndex();
        java.util.SortedSet<String> models = idx.models();
        if (!models.isEmpty() && !models.contains(model)) {
            throw new ConflictException("model", "the stored chunks were coordized by " + models + ", the query by the"
                    + " current model " + model + ": basins of different coordizer models are never compared"
                    + " (ingest the documents again under the current model, or select one of those models)");
        }
        return idx.nearest(basin, model, k);
    }

    /** The upload {@code uploadId}. */
    public UploadRow upload(String uploadId) {
        requireId("uploadId", uploadId);
        return store.jdbi().withHandle(h -> queries.upload(h, uploadId))
                .orElseThrow(() -> new UnknownIdException("uploadId", uploadId));
    }

    /** A page of the uploads, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public List<UploadRow> uploads(int limit, int offset) {
        return store.jdbi().withHandle(h -> queries.uploads(h, limit, offset));
    }

    /** The chunks of {@code uploadId}, by ordinal. */
    public List<ChunkRow> chunks(String uploadId) {
        upload(uploadId);
        return store.jdbi().withHandle(h -> queries.chunks(h, uploadId));
    }

    /** The training stats of a document. */
    public TrainingStatsRow stats(String documentId) {
        requireId("documentId", documentId);
        return store.jdbi().withHandle(h -> queries.stats(h, documentId))
                .orElseThrow(() -> new UnknownIdException("documentId", documentId));
    }

    /**
     * Every indexed chunk of the current model with its domain (a snapshot; cross-pattern discovery reads this).
     * Chunks of other models are left out, so callers never compare basins of two models.
     */
    public List<IndexedChunk> indexedChunks() {
        String model = coordizer.current().id();
        return loadedIndex().snapshot().stream().filter(c -> c.embeddingModel().equals(model)).toList();
    }

    /** Reloads the retrieval index from {@code rag_chunks}. */
    public synchronized void refresh() {
        List<IndexedChunk> all = store.jdbi().withHandle(queries::allChunks);
        index.clear();
        index.add(all);
        indexLoaded = true;
    }

    private ChunkIndex loadedIndex() {
        if (!indexLoaded) {
            synchronized (this) {
                if (!indexLoaded) {
                    refresh();
                }
            }
        }
        return index;
    }

    static void requireId(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
    }

}
