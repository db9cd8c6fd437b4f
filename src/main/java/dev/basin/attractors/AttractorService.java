package dev.basin.attractors;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.UnknownIdException;
import dev.basin.store.Ids;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import dev.basin.store.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a kernel's attractors and keeps them in {@code learned_manifold_attractors}. A found attractor within
 * {@code visitTolerance} (Fisher–Rao) of a known one of the same kernel and type is a revisit: its
 * {@code times_visited} is incremented and {@code last_visited_at} set instead of inserting a duplicate. Nearest
 * lookups use an in-memory {@link AttractorIndex} per kernel, rebuilt when the kernel's row count changes.
 */
public final class AttractorService {
    /** Default revisit tolerance (Fisher–Rao). */
    public static final double DEFAULT_VISIT_TOLERANCE = 1e-3;

    /** A stored attractor and whether this call inserted it (false: a revisit). */
    public record Recorded(AttractorRow row, boolean inserted) {}

    private record Cached(int count, AttractorIndex index) {}

    private final Store store;
    private final Clock clock;
    private final AttractorFinder finder;
    private final double visitTolerance;
    private final Map<String, Cached> indexes = new ConcurrentHashMap<>();

    public AttractorService(Store store, Clock clock, AttractorFinder finder, double visitTolerance) {
        if (!(visitTolerance > 0.0) || visitTolerance > Math.PI) {
            throw new InvalidInputException("visitTolerance", "must be in (0, π], is " + visitTolerance);
        }
        this.store = store;
        this.clock = clock;
        this.finder = finder;
        this.visitTolerance = visitTolerance;
    }

    public AttractorService(Store store, Clock clock) {
        this(store, clock, new AttractorFinder(FinderConfig.defaults()), DEFAULT_VISIT_TOLERANCE);
    }

    public AttractorFinder finder() {
        return finder;
    }

    /** Finds the minima (and, if asked, saddles) of the potential over {@code wells}, without storing them. */
    public List<FoundAttractor> find(Potential potential, long seed, boolean includeSaddles,
            DiscoveryMethod method) {
        List<FoundAttractor> out = new ArrayList<>();
        for (FoundAttractor a : finder.findMinima(potential, seed)) {
            out.add(method == DiscoveryMethod.GRADIENT_DESCENT ? a : a.withMethod(method));
        }
        if (includeSaddles) {
            out.addAll(finder.findSaddles(potential));
        }
        return out;
    }

    /** Finds and stores in one unit of work; phi/kappa are the kernel's at discovery. */
    public List<Recorded> discover(String kernelId, Potential potential, long seed, boolean includeSaddles,
            DiscoveryMethod method, double phi, double kappa) {
        requireKernel(kernelId);
        List<FoundAttractor> found = find(potential, seed, includeSaddles, method);
        return store.inTransaction(tx -> record(tx, kernelId, found, potential, seed, phi, kappa));
    }

    /** Stores found attractors inside a unit of work (inserting new ones, counting revisits of known ones). */
    public List<Recorded> record(Tx tx, String kernelId, List<FoundAttractor> found, Potential potential, long seed,
            double phi, double kappa) {
        if (!(phi >= 0.0 && phi <= 1.0)) {
            throw new InvalidInputException("phi", "must be in [0, 1], is " + phi);
        }
        if (!Double.isFinite(kappa) || kappa < 0) {
            throw new InvalidInputException("kappa", "must be finite and ≥ 0, is " + kappa);
        }
        List<AttractorRow> known = new ArrayList<>(AttractorQueries.ofKernel(tx.handle(), kernelId));
        Instant now = clock.instant();
        List<Recorded> out = new ArrayList<>();
        for (FoundAttractor a : found) {
            AttractorRow match = null;
            double best = visitTolerance;
            for (AttractorRow k : known) {
                double d = FisherRao.distance(k.basin(), a.basin());
                if (k.type() == a.type() && d < best) {
                    best = d;
                    match = k;
                }
            }
            if (match != null) {
                tx.update(Update.of(AttractorTables.ATTRACTORS).increment("times_visited", 1)
                        .set("last_visited_at", now).where("attractor_id", match.attractorId()));
                out.add(new Recorded(AttractorQueries.byId(tx.handle(), match.attractorId()).orElseThrow(), false));
                continue;
            }
            AttractorRow row = new AttractorRow(Ids.next("attr_"), kernelId, a.basin(), a.type(), a.stabilityMetric(),
                    a.volume().fraction(), a.potential(), a.method(), phi, kappa, 1, now, now,
                    metadata(a, potential, seed));
            tx.insert(AttractorTables.ATTRACTORS, row);
            known.add(row);
            out.add(new Recorded(row, true));
        }
        return out;
    }

    /** A kernel's attractors of one type, lowest potential first. */
    public List<AttractorRow> attractors(String kernelId, AttractorType type) {
        requireId(kernelId);
        requirePresent("attractor_type", type);
        return store.jdbi().withHandle(h -> AttractorQueries.ofKernel(h, kernelId, type));
    }

    /**
     * A page of a kernel's attractors of one type, or of every type when {@code typeOrNull} is null, lowest potential
     * first ({@code limit} in [1, 10000], {@code offset} ≥ 0).
     */
    public List<AttractorRow> attractors(String kernelId, AttractorType typeOrNull, int limit, int offset) {
        requireId(kernelId);
        return store.jdbi().withHandle(h -> AttractorQueries.page(h, kernelId, typeOrNull, limit, offset));
    }

    /** The stable attractor with the lowest potential (the strongest), if any. */
    public Optional<AttractorRow> strongest(String kernelId) {
        return attractors(kernelId, AttractorType.STABLE).stream().findFirst();
    }

    public AttractorRow get(String attractorId) {
        if (attractorId == null || attractorId.isBlank()) {
            throw new InvalidInputException("attractor_id", "must not be blank");
        }
        return store.jdbi().withHandle(h -> AttractorQueries.byId(h, attractorId))
                .orElseThrow(() -> new UnknownIdException("attractor_id", attractorId));
    }

    /** The k known attractors of the kernel nearest to {@code basin}, exact, nearest first. */
    public List<AttractorIndex.Neighbour> nearest(String kernelId, Basin basin, int k) {
        return index(kernelId).nearest(basin, k);
    }

    /** Known attractors of the kernel within Fisher–Rao {@code radius} of {@code basin}, nearest first. */
    public List<AttractorIndex.Neighbour> within(String kernelId, Basin basin, double radius) {
        return index(kernelId).within(basin, radius);
    }

    private AttractorIndex index(String kernelId) {
        requireId(kernelId);
        int count = store.jdbi().withHandle(h -> AttractorQueries.count(h, kernelId));
        Cached c = indexes.get(kernelId);
        if (c == null || c.count() != count) {
            AttractorIndex idx = new AttractorIndex();
            for (AttractorRow r : store.jdbi().withHandle(h -> AttractorQueries.ofKernel(h, kernelId))) {
                idx.add(r.attractorId(), r.basin());
            }
            c = new Cached(idx.size(), idx);
            indexes.put(kernelId, c);
        }
        return c.index();
    }

    private ObjectNode metadata(FoundAttractor a, Potential potential, long seed) {
        ObjectNode m = store.json().createObjectNode();
        ObjectNode v = m.putObject("basin_volume");
        v.put("samples", a.volume().samples());
        v.put("hits", a.volume().hits());
        v.put("wilson95_low", a.volume().low());
        v.put("wilson95_high", a.volume().high());
        m.put("gradient_norm", a.gradientNorm());
        m.put("max_eigenvalue", a.maxEigenvalue());
        m.put("negative_eigenvalues", a.negativeEigenvalues());
        m.put("starts_merged", a.startsMerged());
        m.put("iterations", a.iterations());
        m.put("sigma", potential.sigma());
        m.put("wells", potential.wells().size());
        m.put("seed", seed);
        return m;
    }

    private void requireKernel(String kernelId) {
        requireId(kernelId);
        if (!store.jdbi().withHandle(h -> Rows.kernelExists(h, kernelId))) {
            throw new UnknownIdException("kernel_id", kernelId);
        }
    }

    private static void requireId(String kernelId) {
        if (kernelId == null || kernelId.isBlank()) {
            throw new InvalidInputException("kernel_id", "must not be blank");
        }
    }
}
