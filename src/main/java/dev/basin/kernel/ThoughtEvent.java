package dev.basin.kernel;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import dev.basin.store.StoredName;
import dev.basin.geometry.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Events a kernel thinks about, each with its thought type and its template. Placeholders {@code {name}} are filled
 * with measured facts; numbers are formatted to 3 decimals (4 significant digits below 0.01).
 */
public enum ThoughtEvent implements StoredName {
    NAVIGATION_PLAN(ThoughtType.PLAN, Subject.GIVEN,
            "Plan: move toward {target} over Fisher–Rao distance {distance} in steps of {step} (κ_eff {kappa_eff}, regime {regime})."),
    ARRIVAL(ThoughtType.OBSERVATION, Subject.KERNEL,
            "Arrived at {target} after {steps} steps, remaining distance {distance}; Φ {phi_before} → {phi_after}."),
    ATTRACTOR_FOUND(ThoughtType.INSIGHT, Subject.GIVEN,
            "Found {type} attractor {attractor} at distance {distance}; U = {potential}, basin volume {volume}."),
    BARRIER_HIT(ThoughtType.QUESTION, Subject.GIVEN,
            "Why is the way to {target} closed? Blocked by {barriers} at distance {distance} from the target."),
    INSIGHT_FIRED(ThoughtType.INSIGHT, Subject.GIVEN,
            "Insight {insight} bridges {domains} with confidence {confidence}; Φ {phi}."),
    SLEEP_START(ThoughtType.PLAN, Subject.NONE,
            "Going to sleep to consolidate {pending} pending memories; Φ {phi}, {attractors} known attractors."),
    SLEEP_END(ThoughtType.OBSERVATION, Subject.NONE,
            "Woke after consolidating {clusters} clusters ({merged} merged, {pruned} pruned); {attractors} attractors re-found."),
    SPAWN(ThoughtType.PLAN, Subject.GIVEN,
            "Spawned {child} at distance {distance} from here, midway to attractor {attractor}; handed over {transfers}."),
    RESTORE(ThoughtType.OBSERVATION, Subject.KERNEL,
            "Restored checkpoint {checkpoint} because {cause}: Φ {phi_before} → {phi_after}, κ_eff {kappa_before} → {kappa_after}.");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /**
     * The basin a thought is about, named by its strongest topics in the thought's text: the kernel's own basin when
     * the thought is written ({@code KERNEL}: arrival, restore), a basin the caller gives ({@code GIVEN}: the target of
     * a plan or a blocked move, the attractor found, the insight's bridging basin, the spawned child's basin), or none
     * ({@code NONE}: sleep is about the memories, not a point).
     */
    public enum Subject { KERNEL, GIVEN, NONE }

    private final ThoughtType type;
    private final Subject subject;
    private final String template;

    ThoughtEvent(ThoughtType type, Subject subject, String template) {
        this.type = type;
        this.subject = subject;
        this.template = template;
    }

    /** Which basin the thought is about. */
    public Subject subject() {
        return subject;
    }

    public ThoughtType type() {
        return type;
    }

    /** The placeholders this event's template needs. */
    public List<String> placeholders() {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The template filled with {@code facts}; every placeholder must have a fact. */
    public String render(Map<String, ?> facts) {
        requirePresent("facts", facts);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            if (!facts.containsKey(key) || facts.get(key) == null) {
                throw new InvalidInputException("facts." + key, "is required for a " + sqlName() + " thought");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(format(facts.get(key))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d != 0.0 && Math.abs(d) < 0.01) {
                return String.format(Locale.ROOT, "%.4g", d);
            }
            return String.format(Locale.ROOT, "%.3f", d);
        }
        return String.valueOf(v);
    }
}
