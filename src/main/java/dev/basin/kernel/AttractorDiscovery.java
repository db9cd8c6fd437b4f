package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.attractors.AttractorService;
import dev.basin.attractors.DiscoveryMethod;
import dev.basin.attractors.Potential;
import dev.basin.attractors.Well;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.InvalidInputException;
import dev.basin.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kernel looks for the attractors of its learned potential: the search is seeded by the kernel's RNG (advanced and
 * stored), the results stored by {@link AttractorService} (revisits counted), and each newly found attractor becomes an
 * {@code attractor_found} thought stating its type, distance from the kernel, U and basin volume. The thoughts follow one
 * another by {@link ThoughtService#THOUGHT} from the time of the search, in the order the attractors were recorded.
 */
public final class AttractorDiscovery {
    private final Store store;
    private final KernelService kernels;
    private final AttractorService attractors;
    private final ThoughtService thoughts;

    public AttractorDiscovery(Store store, KernelService kernels, AttractorService attractors,
            ThoughtService thoughts) {
        this.store = store;
        this.kernels = kernels;
        this.attractors = attractors;
        this.thoughts = thoughts;
    }

    /**
     * Finds the attractors (and saddles when asked) of the potential of {@code wells} for kernel {@code kernelId} by
     * {@code method}, seeded by the kernel's RNG, and stores in one transaction the kernel's advanced RNG, the
     * attractors (revisits counted) and an {@code attractor_found} thought for each new one.
     */
    public List<AttractorService.Recorded> discover(String kernelId, List<Well> wells, boolean includeSaddles,
            DiscoveryMethod method) {
        check(wells, method);
        KernelRow k = kernels.get(kernelId);
        SplitMix64 rng = new SplitMix64(k.state().rngState());
        long seed = rng.nextLong();
        KernelState s = k.state();
        KernelState advanced = new KernelState(s.basin(), s.phi(), s.kappa(), s.kappaEff(), s.regime(),
                s.neurotransmitters(), s.emotions(), s.status(), s.stepCount(), rng.state());
        KernelRow row = new KernelRow(k.kernelId(), k.sessionId(), k.parentKernelId(), k.name(), k.generation(),
                advanced, k.createdAt(), kernels.clock().instant(), k.metadata());
        return store(row, true, wells, includeSaddles, method, seed);
    }

    /**
     * The same search seeded by the caller (a session draws its seeds from its own seeded stream); the kernel's row is
     * left as it is. Attractors and their thoughts are stored in one transaction.
     */
    public List<AttractorService.Recorded> discover(String kernelId, List<Well> wells, boolean includeSaddles,
            DiscoveryMethod method, long seed) {
        check(wells, method);
        return store(kernels.get(kernelId), false, wells, includeSaddles, method, seed);
    }

    private static void check(List<Well> wells, DiscoveryMethod method) {
        requirePresent("method", method);
        if (wells == null || wells.isEmpty()) {
            throw new InvalidInputException("wells", "must contain at least one well");
        }
    }

    private List<AttractorService.Recorded> store(KernelRow row, boolean writeState, List<Well> wells,
            boolean includeSaddles, DiscoveryMethod method, long seed) {
        KernelState s = row.state();
        String kernelId = row.kernelId();
        Potential u = new Potential(wells);
        var found = attractors.find(u, seed, includeSaddles, method);
        return store.inTransaction(tx -> {
            if (writeState) {
                KernelService.writeState(tx, row);
            }
            List<AttractorService.Recorded> recorded = attractors.record(tx, kernelId, found, u, seed, s.phi(),
                    s.kappa());
            java.time.Instant at = kernels.clock().instant();
            for (AttractorService.Recorded r : recorded) {
                if (!r.inserted()) {
                    continue;
                }
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("type", r.row().type().sqlName());
                facts.put("attractor", r.row().attractorId());
                facts.put("distance", FisherRao.distance(s.basin(), r.row().basin()));
                facts.put("potential", r.row().potentialValue());
                facts.put("volume", r.row().basinVolume());
                thoughts.think(tx, row, ThoughtEvent.ATTRACTOR_FOUND, r.row().attractorId(), facts, r.row().basin(),
                        at);
                at = at.plus(ThoughtService.THOUGHT);
            }
            return recorded;
        });
    }
}
