package dev.basin.session.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.FisherRao;
import dev.basin.safety.BarrierRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule by which a kernel heals (deactivates) one of its own barriers: only from evidence that the barrier is no
 * longer needed. A barrier is watched from the cycle the kernel first sees it; its last evidence is the latest cycle in
 * which it prevented a crossing (its {@code crossings_prevented} grew) or an ethics finding of the kernel overlapped
 * it (d(centres) &lt; r₁ + r₂). On waking in cycle c the kernel heals every own active barrier whose last evidence
 * lies {@value #WINDOW} or more cycles back. The decision's measured values (cycles watched and quiet, crossings
 * prevented, the last evidence) go into the barrier's metadata. One instance per kernel, used by its own thread.
 */
public final class BarrierHealing {
    /** Quiet cycles (no prevented crossing, no finding nearby) after which a barrier is healed. */
    public static final int WINDOW = 4;

    /** A barrier to heal and why. */
    public record Healing(String barrierId, int cycle, int watchedSince, int lastEvidenceCycle, String lastEvidence,
            int crossingsPrevented) {
        public int quietCycles() {
            return cycle - lastEvidenceCycle;
        }

        public ObjectNode json(ObjectMapper m) {
            return m.createObjectNode().put("rule", "healed: no crossing prevented and no ethics finding nearby for "
                    + WINDOW + " or more cycles").put("window_cycles", WINDOW).put("cycle", cycle)
                    .put("watched_since_cycle", watchedSince).put("quiet_cycles", quietCycles())
                    .put("last_evidence_cycle", lastEvidenceCycle).put("last_evidence", lastEvidence)
                    .put("crossings_prevented", crossingsPrevented);
        }
    }

    private static final class Watch {
        final int since;
        int crossings;
        int lastEvidence;
        String evidence;

        Watch(int since, int crossings, String evidence) {
            this.since = since;
            this.crossings = crossings;
            this.lastEvidence = since;
            this.evidence = evidence;
        }
    }

    private final Map<String, Watch> watches = new HashMap<>();

    /**
     * Barriers the ethics monitor just raised for this kernel in cycle {@code c}: each is watched from now on, and each
     * of {@code ownActive} it overlaps counts the finding as evidence.
     */
    public void raised(List<BarrierRow> raised, List<BarrierRow> ownActive, int c) {
        for (BarrierRow r : raised) {
            watches.computeIfAbsent(r.barrierId(), id -> new Watch(c, r.crossingsPrevented(), "raised"));
            for (BarrierRow b : ownActive) {
                if (b.barrierId().equals(r.barrierId())) {
                    continue;
                }
                double d = FisherRao.distance(b.center(), r.center());
                Watch w = watches.get(b.barrierId());
                if (w != null && d < b.radius() + r.radius()) {
                    w.lastEvidence = c;
                    w.evidence = String.format(java.util.Locale.ROOT, "%s finding %s at distance %.4f",
                            r.type().sqlName(), r.barrierId(), d);
                }
            }
        }
    }

    /** On waking in cycle {@code c}: updates the watches from the kernel's active barriers and returns those to heal. */
    public List<Healing> review(List<BarrierRow> ownActive, int c) {
        List<Healing> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BarrierRow b : ownActive) {
            seen.add(b.barrierId());
            Watch w = watches.computeIfAbsent(b.barrierId(), id -> new Watch(c, b.crossingsPrevented(), "first seen"));
            if (b.crossingsPrevented() > w.crossings) {
                w.crossings = b.crossingsPrevented();
                w.lastEvidence = c;
                w.evidence = "crossings prevented reached " + w.crossings;
            }
            if (c - w.lastEvidence >= WINDOW) {
                out.add(new Healing(b.barrierId(), c, w.since, w.lastEvidence, w.evidence, b.crossingsPrevented()));
            }
        }
        watches.keySet().retainAll(seen);
        out.forEach(h -> watches.remove(h.barrierId()));
        return out;
    }
}
