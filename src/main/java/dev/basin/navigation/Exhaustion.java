package dev.basin.navigation;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.safety.ExclusionReason;
import dev.basin.safety.SafetyService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's own no-go regions (docs/navigation.md). A completed trajectory whose Φ did not rise
 * (Φ(end) − Φ(start) ≤ 0) is a visit without gain to its target; after {@code exhaustVisits} such visits to targets
 * within {@code exclusionRadius} of each other the agent records an {@code exhausted} region there. A blocked
 * trajectory records an {@code unsafe} region around its target. Both expire {@code exclusionTtl} after the
 * trajectory's end.
 */
final class Exhaustion {
    private record Spot(Basin target, int visits) {}

    private final SafetyService safety;
    private final AgentSettings settings;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Map<String, List<Spot>> spots = new HashMap<>();

    Exhaustion(SafetyService safety, AgentSettings settings, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.safety = safety;
        this.settings = settings;
        this.json = json;
    }

    synchronized void afterTrajectory(String agent, Basin start, Basin target, Basin end, TrajectoryStatus status, Instant at) {
        Instant expires = at.plus(settings.exclusionTtl());
        if (status == TrajectoryStatus.BLOCKED) {
            var meta = json.createObjectNode()
                    .put("distance_left", FisherRao.distance(end, target)).put("recorded_at", at.toString());
            safety.createExcludedRegion(agent, target, settings.exclusionRadius(), ExclusionReason.UNSAFE, 0, expires, meta);
            return;
        }
        if (status != TrajectoryStatus.COMPLETED) {
            return;
        }
        double gain = Integration.phi(end) - Integration.phi(start);
        if (gain > 0.0) {
            return;
        }
        List<Spot> list = spots.computeIfAbsent(agent, a -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            Spot s = list.get(i);
            if (FisherRao.distance(s.target(), target) < settings.exclusionRadius()) {
                int visits = s.visits() + 1;
                if (visits >= settings.exhaustVisits()) {
                    list.remove(i);
                    var meta = json.createObjectNode()
                            .put("last_phi_gain", gain).put("recorded_at", at.toString());
                    safety.createExcludedRegion(agent, s.target(), settings.exclusionRadius(), ExclusionReason.EXHAUSTED,
                            visits, expires, meta);
                } else {
                    list.set(i, new Spot(s.target(), visits));
                }
                return;
            }
        }
        if (settings.exhaustVisits() == 1) {
            var meta = json.createObjectNode()
                    .put("last_phi_gain", gain).put("recorded_at", at.toString());
            safety.createExcludedRegion(agent, target, settings.exclusionRadius(), ExclusionReason.EXHAUSTED, 1, expires, meta);
            return;
        }
        list.add(new Spot(target, 1));
    }
}
