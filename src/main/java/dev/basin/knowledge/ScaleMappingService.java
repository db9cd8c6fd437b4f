package dev.basin.knowledge;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Regime;
import dev.basin.geometry.UnknownIdException;
import dev.basin.store.Ids;
import dev.basin.store.Rows;
import dev.basin.store.Store;
import dev.basin.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Scale mappings: when a kernel's κ_eff moves into another regime ({@link Regime#of}), records how its state mapped
 * between the two scales. Nothing is written when the regime stays the same.
 *
 * <ul>
 *   <li>transformation_matrix: the 2×2 diagonal map diag(step-length ratio, Φ response ratio), row-major
 *       [s, 0, 0, r], with s = (κ_after + ε)/(κ_before + ε) (a step is base·κ_eff/κ*, so this is the step-length
 *       ratio) and r = (Φ_after + ε)/(Φ_before + ε), ε = {@value #EPSILON}.</li>
 *   <li>information_preserved = 1 − d(basin before, basin after)/π.</li>
 *   <li>mapping_type: {@code linear} when Φ responded in proportion to the step length, |r − s| ≤
 *       {@value #LINEAR_TOLERANCE}·s; else {@code nonlinear}.</li>
 * </ul>
 */
public final class ScaleMappingService {
    /** Guards the ratios against zero κ_eff or Φ. */
    public static final double EPSILON = 1e-6;
    /** Relative tolerance under which the Φ response counts as proportional to the step length. */
    public static final double LINEAR_TOLERANCE = 0.25;

    private final Store store;
    private final Clock clock;
    private final KnowledgeQueries queries;

    public ScaleMappingService(Store store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queries = new KnowledgeQueries();
    }

    /** Records the mapping in its own unit of work if the regime changed between {@code before} and {@code after}. */
    public Optional<ScaleMappingRow> onKappaChange(String kernelId, KappaState before, KappaState after) {
        Optional<ScaleMappingRow> row = mapping(kernelId, before, after);
        if (row.isPresent()) {
            requireKernel(kernelId);
            store.insert(KnowledgeTables.SCALE_MAPPINGS, row.get());
        }
        return row;
    }

    /**
     * As {@link #onKappaChange(String, KappaState, KappaState)}, with what made the change ({@code cause}, e.g. a step
     * or a restore) in the row's metadata.
     */
    public Optional<ScaleMappingRow> onKappaChange(String kernelId, KappaState before, KappaState after,
            String cause) {
        MemoryService.requireText("cause", cause);
        Optional<ScaleMappingRow> row = mapping(kernelId, before, after).map(m -> {
            ((ObjectNode) m.metadata()).put("cause", cause);
            return m;
        });
        if (row.isPresent()) {
            requireKernel(kernelId);
            store.insert(KnowledgeTables.SCALE_MAPPINGS, row.get());
        }
        return row;
    }

    /** As {@link #onKappaChange(String, KappaState, KappaState)}, inside the caller's unit of work. */
    public Optional<ScaleMappingRow> onKappaChange(Tx tx, String kernelId, KappaState before, KappaState after) {
        Optional<ScaleMappingRow> row = mapping(kernelId, before, after);
        if (row.isPresent()) {
            if (!Rows.kernelExists(tx.handle(), kernelId)) {
                throw new UnknownIdException("kernelId", kernelId);
            }
            tx.insert(KnowledgeTables.SCALE_MAPPINGS, row.get());
        }
        return row;
    }

    /** The kernel's recorded mappings, oldest first. */
    public List<ScaleMappingRow> mappings(String kernelId) {
        requireKernel(kernelId);
        return store.jdbi().withHandle(h -> queries.scaleMappings(h, kernelId));
    }

    /** A page of every kernel's mappings, newest first ({@code limit} in [1, 10000], {@code offset} ≥ 0). */
    public List<ScaleMappingRow> mappings(int limit, int offset) {
        return store.jdbi().withHandle(h -> queries.scaleMappings(h, limit, offset));
    }

    Optional<ScaleMappingRow> mapping(String kernelId, KappaState before, KappaState after) {
        MemoryService.requireText("kernelId", kernelId);
        requirePresent("before", before);
        requirePresent("after", after);
        Regime from = Regime.of(before.kappaEff());
        Regime to = Regime.of(after.kappaEff());
        if (from == to) {
            return Optional.empty();
        }
        double s = (after.kappaEff() + EPSILON) / (before.kappaEff() + EPSILON);
        double r = (after.phi() + EPSILON) / (before.phi() + EPSILON);
        double d = FisherRao.distance(before.basin(), after.basin());
        double preserved = Math.max(0.0, Math.min(1.0, 1.0 - d / Math.PI));
        String type = Math.abs(r - s) <= LINEAR_TOLERANCE * s ? "linear" : "nonlinear";
        ObjectNode meta = JsonNodeFactory.instance.objectNode().put("phi_before", before.phi())
                .put("phi_after", after.phi()).put("basin_distance", d).put("step_ratio", s).put("phi_ratio", r)
                .put("regimes_crossed", Math.abs(to.ordinal() - from.ordinal()));
        return Optional.of(new ScaleMappingRow(Ids.next("scmap_"), kernelId, before.kappaEff(), after.kappaEff(),
                from.sqlName(), to.sqlName(), new double[] {s, 0.0, 0.0, r}, preserved, type, clock.instant(), meta));
    }

    private void requireKernel(String kernelId) {
        MemoryService.requireText("kernelId", kernelId);
        if (!store.jdbi().withHandle(h -> Rows.kernelExists(h, kernelId))) {
            throw new UnknownIdException("kernelId", kernelId);
        }
    }
}
