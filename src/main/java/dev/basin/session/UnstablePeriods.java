package dev.basin.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Means;
import dev.basin.safety.BarrierRow;
import dev.basin.safety.BarrierType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rule that declares unstable periods (era exclusions): instability or decoherence findings of the ethics
 * monitors of two or more kernels that agree in space and time. Two findings agree when their balls overlap
 * (d(centres) &lt; r₁ + r₂) and they lie at most {@link #WINDOW} apart in simulated time. When a kernel's new finding
 * agrees with not yet used findings of at least one other kernel, the findings together declare an unstable period:
 * centre = their Karcher mean (the geodesic midpoint of two), radius = the smallest radius about it that covers every
 * finding's ball, window = from the latest finding (when the agreement is measured) for {@link #WINDOW}. Each finding
 * declares at most one period. Shared by the session's kernels, hence synchronized.
 */
final class UnstablePeriods {
    /** How far apart in time two findings may lie and still agree; also how long a period lasts after its last one. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** One finding of a kernel's ethics monitor. */
    record Finding(String kernelId, String barrierId, BarrierType type, Basin center, double radius, Instant at) {}

    /** An unstable period to declare, with the findings that agree. */
    record Period(Basin center, double radius, Instant start, Instant end, List<Finding> findings) {
        String reason() {
            Set<String> kernels = new LinkedHashSet<>();
            Set<String> types = new LinkedHashSet<>();
            findings.forEach(f -> {
                kernels.add(f.kernelId());
                types.add(f.type().sqlName());
            });
            return String.format(Locale.ROOT, "unstable period: %d %s findings of %d kernels agree (balls overlapping,"
                    + " at most %d s apart) between %s and %s; closed for %d s from the last", findings.size(),
                    String.join("/", types), kernels.size(), WINDOW.toSeconds(), findings.stream().map(Finding::at)
                            .min(Instant::compareTo).orElseThrow(), start, WINDOW.toSeconds());
        }

        ObjectNode json(ObjectMapper m) {
            ObjectNode o = m.createObjectNode().put("kind", "unstable_period").put("rule", "findings of >= 2 kernels"
                    + " with overlapping balls within the window").put("window_seconds", WINDOW.toSeconds());
            ArrayNode a = o.putArray("findings");
            for (Finding f : findings) {
                a.addObject().put("kernel_id", f.kernelId()).put("barrier_id", f.barrierId())
                        .put("type", f.type().sqlName()).put("radius", f.radius()).put("at", f.at().toString())
                        .put("distance_to_centre", FisherRao.distance(center, f.center()));
            }
            return o;
        }
    }

    private final List<Finding> unused = new ArrayList<>();

    /**
     * Records what a kernel's ethics monitor just raised at {@code at} (only instability and decoherence count) and
     * returns the unstable period its findings complete, if any.
     */
    synchronized List<Period> found(String kernelId, List<BarrierRow> raised, Instant at) {
        List<Period> out = new ArrayList<>();
        unused.removeIf(f -> f.at().plus(WINDOW).isBefore(at));
        for (BarrierRow b : raised) {
            if (b.type() == BarrierType.SUFFERING) {
                continue;
            }
            Finding f = new Finding(kernelId, b.barrierId(), b.type(), b.center(), b.radius(), at);
            List<Finding> agree = new ArrayList<>();
            for (Finding g : unused) {
                if (!g.kernelId().equals(kernelId) && agrees(f, g)) {
                    agree.add(g);
                }
            }
            if (agree.isEmpty()) {
                unused.add(f);
                continue;
            }
            unused.removeAll(agree);
            agree.add(f);
            out.add(period(agree));
        }
        return out;
    }

    static boolean agrees(Finding a, Finding b) {
        return FisherRao.distance(a.center(), b.center()) < a.radius() + b.radius()
                && Duration.between(a.at(), b.at()).abs().compareTo(WINDOW) <= 0;
    }

    static Period period(List<Finding> fs) {
        List<Basin> centres = fs.stream().map(Finding::center).toList();
        Basin c = fs.size() == 2 ? FisherRao.pointAt(centres.get(0), centres.get(1), 0.5)
                : Means.karcher(centres, null).basin();
        double r = 0.0;
        Instant last = fs.get(0).at();
        for (Finding f : fs) {
            r = Math.max(r, FisherRao.distance(c, f.center()) + f.radius());
            last = f.at().isAfter(last) ? f.at() : last;
        }
        return new Period(c, Math.min(Math.PI, r), last, last.plus(WINDOW), List.copyOf(fs));
    }
}
