package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.geometry.UnknownIdException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.TopicModel;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Means;
import dev.basin.rag.DocumentService;
import dev.basin.store.Hashes;
import dev.basin.store.Ids;
import dev.basin.store.Store;
import dev.basin.store.Upsert;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cross-domain patterns (see {@code docs/knowledge.md}): groups of chunks and memories from at least two domains
 * lying close together in Fisher–Rao distance.
 *
 * <ol>
 *   <li>Members are ordered by content (domain, kind, snippet, coordinates; id last); leader clustering: the first unassigned member seeds a group that takes every
 *       unassigned member within {@code radius} of the seed.</li>
 *   <li>A group of ≥ 2 members spanning ≥ 2 domains is a pattern: {@code bridge} for exactly two domains,
 *       {@code cluster} for three or more.</li>
 *   <li>signature = Fréchet (Karcher) mean of the members (equal weights); radius_fr = max member distance to it.</li>
 *   <li>confidence = tightness · support, tightness = max(0, 1 − radius_fr/radius), support = 1 − exp(−(n − 1)/2)
 *       for n members.</li>
 *   <li>pattern_key = SHA-256 of the sorted member ids joined by newlines: the same members found again update the
 *       row (times_discovered + 1, last_seen_at, measures, examples) instead of inserting another.</li>
 * </ol>
 * Patterns discovered over the documents name their signature by the current model's strongest topics
 * ({@link BasinTopics}) in {@code metadata.topics}: model, text, topic ids, weights and words.
 */
public final class CrossPatternService {
    /** Default grouping radius (Fisher–Rao, 2·arccos convention). */
    public static final double DEFAULT_RADIUS = 0.8;
    /** Members listed in a pattern's examples, at most. */
    public static final int MAX_EXAMPLES = 12;

    private static final Upsert REDISCOVER = Upsert.on("pattern_key")
            .increment("times_discovered", 1)
            .set("last_seen_at")
            .set("pattern_signature")
            .set("radius_fr")
            .set("confidence_score")
            .set("example_count")
            .set("examples")
            .set("metadata");

    /** One pattern found, and whether it was new. */
    public record Discovery(String patternKey, String patternType, List<String> domains, int members, boolean inserted) {}

    private final Store store;
    private final Clock clock;
    private final double radius;
    private final KnowledgeQueries queries;

    public CrossPatternService(Store store, Clock clock) {
        this(store, clock, DEFAULT_RADIUS);
    }

    public CrossPatternService(Store store, Clock clock, double radius) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!(radius > 0.0 && radius <= Math.PI)) {
            throw new InvalidInputException("radius", "must be in (0, π], is " + radius);
        }
        this.radius = radius;
        this.queries = new KnowledgeQueries();
    }

    /**
     * Discovers patterns among every ingested chunk of the current coordizer model (domain = the document's domain)
     * plus {@code extra} members; each pattern's signature is named by that model's topics ({@code metadata.topics}).
     */
    public List<Discovery> discover(DocumentService documents, List<PatternMember> extra) {
        Objects.requireNonNull(documents, "documents");
        TopicModel model = documents.coordizer().current();
        List<PatternMember> all = new ArrayList<>();
        documents.indexedChunks().stream().filter(c -> c.embeddingModel().equals(model.id()))
                .forEach(c -> all.add(PatternMember.of(c)));
        if (extra != null) {
            all.addAll(extra);
        }
        return discover(all, model);
    }

    /**
     * Groups {@code members}, keeps the cross-domain groups and upserts them in one unit of work. The members' model
     * is not known here, so the patterns are not named by topics.
     */
    public List<Discovery> discover(List<PatternMember> members) {
        return discover(members, null);
    }

    private List<Discovery> discover(List<PatternMember> members, TopicModel model) {
        requirePresent("members", members);
        Set<String> seen = new HashSet<>();
        for (PatternMember m : members) {
            if (m == null) {
                throw new InvalidInputException("members", "must not contain null");
            }
            if (!seen.add(m.id())) {
                throw new InvalidInputException("members", "contains id " + m.id() + " twice");
            }
        }
        TreeMap<String, CrossPatternRow> rows = new TreeMap<>(); // by key: upsert order avoids deadlocks
        for (List<PatternMember> group : groups(members)) {
            CrossPatternRow row = pattern(group, clock.instant(), model); // each pattern stamped when it is found
            if (row != null) {
                rows.put(row.patternKey(), row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(tx -> {
            List<Discovery> out = new ArrayList<>();
            for (CrossPatternRow r : rows.values()) {
                boolean inserted = tx.upsert(KnowledgeTables.CROSS_PATTERNS, r, REDISCOVER);
                out.add(new Discovery(r.patternKey(), r.patternType(), r.involvedDomains(), r.exampleCount(), inserted));
            }
            return out;
        });
    }

    /** A page of the stored patterns, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public List<CrossPatternRow> patterns(int limit, int offset) {
        return store.jdbi().withHandle(h -> queries.crossPatterns(h, limit, offset));
    }

    /**
     * Ids of the patterns that involve {@code domain}, most often discovered first (ties: higher confidence, more
     * examples, then the content key), at most {@code limit} (1 to 1000).
     */
    public List<String> patternIdsFor(String domain, int limit) {
        if (domain == null || domain.isBlank()) {
            throw new InvalidInputException("domain", "must not be blank");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be in [1, 1000], is " + limit);
        }
        return store.jdbi().withHandle(h -> KnowledgeQueries.crossPatternIdsFor(h, domain, limit));
    }

    /** Throws, naming {@code field} and the first unknown id, unless every id names a stored pattern. */
    public void requireKnown(String field, List<String> patternIds) {
        if (patternIds == null || patternIds.isEmpty()) {
            return;
        }
        List<String> found = store.jdbi().withHandle(h -> KnowledgeQueries.knownCrossPatterns(h, patternIds));
        for (String id : patternIds) {
            if (!found.contains(id)) {
                throw UnknownIdException.worded(field, "names an unknown id: " + id);
            }
        }
    }

    private List<List<PatternMember>> groups(List<PatternMember> members) {
        List<PatternMember> order = new ArrayList<>(members);
        // Basin order first (not id order, nor domain order: ids are random, and a memory's domain is
        // kernel:<kernel id>), so the greedy grouping of one seed's run is the same on every database; members with
        // bit-identical basins are interchangeable in the grouping, whatever the later keys say.
        order.sort(Comparator.<PatternMember, double[]>comparing(m -> m.basin().toArray(), java.util.Arrays::compare)
                .thenComparing(PatternMember::kind).thenComparing(PatternMember::domain)
                .thenComparing(PatternMember::snippet, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(PatternMember::id));
        double[] sq = new double[order.size() * Basin.DIM];
        for (int i = 0; i < order.size(); i++) {
            order.get(i).basin().copySqrtTo(sq, i * Basin.DIM);
        }
        double minDot = FisherRao.cosHalf(radius); // d ≤ r  ⇔  ⟨s,t⟩ ≥ cos(r/2)
        boolean[] assigned = new boolean[order.size()];
        List<List<PatternMember>> groups = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (assigned[i]) {
                continue;
            }
            assigned[i] = true;
            List<PatternMember> g = new ArrayList<>(List.of(order.get(i)));
            for (int j = i + 1; j < order.size(); j++) {
                if (assigned[j]) {
                    continue;
                }
                double dot = 0.0;
                for (int k = 0; k < Basin.DIM; k++) {
                    dot += sq[i * Basin.DIM + k] * sq[j * Basin.DIM + k];
                }
                // prefilter on the inner product with slack, final decision in double-precision distance
                if (dot >= minDot - 1e-12 && FisherRao.distance(order.get(i).basin(), order.get(j).basin()) <= radius) {
                    assigned[j] = true;
                    g.add(order.get(j));
                }
            }
            if (g.size() >= 2) {
                groups.add(g);
            }
        }
        return groups;
    }

    private CrossPatternRow pattern(List<PatternMember> group, Instant now, TopicModel model) {
        TreeSet<String> domains = new TreeSet<>();
        group.forEach(m -> domains.add(m.domain()));
        if (domains.size() < 2) {
            return null;
        }
        Means.Mean mean = Means.karcher(group.stream().map(PatternMember::basin).toList(), null);
        double spread = 0.0;
        ArrayNode examples = JsonNodeFactory.instance.arrayNode();
        TreeMap<String, Integer> kinds = new TreeMap<>();
        for (PatternMember m : group) {
            double d = FisherRao.distance(mean.basin(), m.basin());
            spread = Math.max(spread, d);
            kinds.merge(m.kind(), 1, Integer::sum);
            if (examples.size() < MAX_EXAMPLES) {
                examples.addObject().put("id", m.id()).put("kind", m.kind()).put("domain", m.domain())
                        .put("distance", d).put("snippet", m.snippet());
            }
        }
        int n = group.size();
        double confidence = Math.max(0.0, 1.0 - spread / radius) * (1.0 - Math.exp(-(n - 1) / 2.0));
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("discovery_radius", radius)
                .put("domain_count", domains.size()).put("karcher_iterations", mean.iterations());
        ObjectNode kindCounts = meta.putObject("member_kinds");
        kinds.forEach(kindCounts::put);
        if (model != null) {
            meta.set("topics", BasinTopics.of(model, mean.basin()).json());
        }
        return new CrossPatternRow(Ids.next("xpat_"), key(group), domains.size() == 2 ? "bridge" : "cluster",
                List.copyOf(domains), mean.basin(), Math.min(Math.PI, spread), confidence, n, examples, 1, now, now, meta);
    }

    /** SHA-256 hex of the sorted member ids joined by newlines. */
    static String key(List<PatternMember> group) {
        List<String> ids = new ArrayList<>(group.stream().map(PatternMember::id).toList());
        ids.sort(null);
        return Hashes.sha256Hex(String.join("\n", ids).getBytes(StandardCharsets.UTF_8));
    }
}
