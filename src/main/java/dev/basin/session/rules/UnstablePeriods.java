package dev.basin.session.rules;

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
 * finding's ball, window = from its declaration (after the kernels lived their cycle, kernel after kernel in creation
 * order, so that the same seed gives the same periods) for {@link #WINDOW}. Each finding declares at most one period.
 */
public final class UnstablePeriods {
    /** How far apart in time two findings may lie and still agree; also how long a period lasts after its last one. */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** One finding of a kernel's ethics monitor. */
    public record Finding(String kernelId, String barrierId, BarrierType type, Basin center, double radius, Instant at) {}

    /** An unstable period to declare, with the findings that agree. */
    public record Period(Basin center, double radius, Instant start, Instant end, List<Finding> findings) {
        public String reason() {
            Set<String> kernels = new LinkedHashSet<>();
            Set<String> types = new LinkedHashSet<>();
            findings.forEach(f -> {
                kernels.add(f.kernelId());
                types.add(f.type().sqlName());
            });
            return String.format(Locale.ROOT, "unstable period: %d %s findings of %d kernels agree (balls overlapping,"
                    + " at most %d s apart) between %s and %s; closed for %d s", findings.size(),
                    String.join("/", types), kernels.size(), WINDOW.toSeconds(), findings.stream().map(Finding::at)
                            .min(Instant::compareTo).orElseThrow(), findings.stream().map(Finding::at)
                            .max(Instant::compareTo).orElseThrow(), WINDOW.toSeconds());
        }

        public ObjectNode json(ObjectMapper m) {
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

    /** The instability and decoherence findings among {@code raised} (by {@code kernelId} at {@code at}). */
    public static List<Finding> findings(String kernelId, List<BarrierRow> raised, Instant at) {
        List<Finding> out = new ArrayList<>();
        for (BarrierRow b : raised) {
            if (b.type() != BarrierType.SUFFERING) {
                out.add(new Finding(kernelId, b.barrierId(), b.type(), b.center(), b.radius(), at));
            }
        }
        return out;
    }

    /**
     * Takes one kernel's findings (oldest first) and returns the unstable periods they complete, declared at
     * {@code now} for {@link #WINDOW}. The session feeds the kernels in creation order after they lived a cycle.
     */
    public synchronized List<Period> found(List<Finding> findings, Instant now) {
        List<Period> out = new ArrayList<>();
        for (Finding f : findings) {
            unused.removeIf(g -> g.at().plus(WINDOW).isBefore(f.at()));
            List<Finding> agree = new ArrayList<>();
            for (Finding g : unused) {
                if (!g.kernelId().equals(f.kernelId()) && agrees(f, g)) {
                    agree.add(g);
                }
            }
            if (agree.isEmpty()) {
                unused.add(f);
                continue;
            }
            unused.removeAll(agree);
            agree.add(f);
            out.add(period(agree, now));
        }
        return out;
    }

    public static boolean agrees(Finding a, Finding b) {
        return FisherRao.distance(a.center(), b.center()) < a.radius() + b.radius()
                && Duration.between(a.at(), b.at()).abs().compareTo(WINDOW) <= 0;
    }

    public static Period period(List<Finding> fs, Instant now) {
        List<Basin> centres = fs.stream().map(Finding::center).toList();
        Basin c = fs.size() == 2 ? FisherRao.pointAt(centres.get(0), centres.get(1), 0.5)
                : Means.karcher(centres, null).basin();
        double r = 0.0;
        for (Finding f : fs) {
            r = Math.max(r, FisherRao.distance(c, f.center()) + f.radius());
        }
        return new Period(c, Math.min(Math.PI, r), now, now.plus(WINDOW), List.copyOf(fs));
    }
}
