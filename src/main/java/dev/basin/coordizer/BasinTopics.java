package dev.basin.coordizer;

import static dev.basin.geometry.InvalidInputException.requirePresent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A basin named by its strongest topics under the model that produced it, e.g. {@code "topics 12 (court, law, jury)
 * and 40 (tax, state, bill)"}. The topic weights are the basin's entries (p = (1 − ε)·(w/‖w‖)² + ε/64).
 *
 * <p>The rule (docs/coordizer.md, "Reading a basin back"):
 * <ol>
 *   <li><b>Dominance.</b> If the {@value #MAX_TOPICS} strongest topics together hold at most half of the basin
 *       ({@value #MAJORITY}), no handful of topics outweighs the other 61 and the basin is named {@value #NONE}. The
 *       uniform basin (a text without a known word) has 3/64; a point drawn uniformly from the simplex (Dirichlet(1))
 *       about 0.18 on average; 99.7 % of 200-word Brown chunks pass.</li>
 *   <li><b>Named topics.</b> The strongest topic, then each of the next two whose weight is at least a quarter of the
 *       strongest ({@value #RATIO}): since p ∝ w², that is an NMF weight at least half the strongest's. Each named
 *       topic is then well above uniform (≥ ¼·⅙ = 1/24 of the basin, 2.7 × 1/64).</li>
 *   <li>Each named topic shows its {@value #WORDS} top words; at most {@value #MAX_TOPICS} topics are named because
 *       more stop being readable in a sentence.</li>
 * </ol>
 *
 * @param model the id of the model whose topics these are
 * @param topics the named topics, strongest first (empty: no dominant topic)
 */
public record BasinTopics(String model, List<Topic> topics) {
    /** Topics named at most. */
    public static final int MAX_TOPICS = 3;
    /** Top words shown per topic. */
    public static final int WORDS = 3;
    /** The share of the basin the {@link #MAX_TOPICS} strongest topics must exceed for any topic to be named. */
    public static final double MAJORITY = 0.5;
    /** A further topic is named when its weight is at least this fraction of the strongest's. */
    public static final double RATIO = 0.25;
    /** The text of a basin without a dominant topic. */
    public static final String NONE = "no dominant topic";

    /** One named topic: its index, its weight in the basin, its top words. */
    public record Topic(int topic, double weight, List<String> words) {
        public Topic {
            words = List.copyOf(words);
        }

        /** {@code 12 (court, law, jury)}. */
        public String text() {
            return topic + " (" + String.join(", ", words) + ")";
        }
    }

    public BasinTopics {
        topics = List.copyOf(topics);
    }

    /** {@code basin} named by {@code model}'s topics (the model must be the one that produced the basin). */
    public static BasinTopics of(TopicModel model, Basin basin) {
        requirePresent("model", model);
        requirePresent("basin", basin);
        double[] p = basin.toArray();
        Integer[] order = IntStream.range(0, p.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -p[j]).thenComparing(j -> j));
        double top = 0.0;
        for (int i = 0; i < MAX_TOPICS; i++) {
            top += p[order[i]];
        }
        List<Topic> named = new ArrayList<>();
        if (top > MAJORITY) {
            double strongest = p[order[0]];
            for (int i = 0; i < MAX_TOPICS; i++) {
                int j = order[i];
                if (i == 0 || p[j] >= RATIO * strongest) {
                    named.add(new Topic(j, p[j], model.topWords(j, WORDS)));
                }
            }
        }
        return new BasinTopics(model.id(), named);
    }

    /** Topic indices, strongest first. */
    public List<Integer> ids() {
        return topics.stream().map(Topic::topic).toList();
    }

    /** {@code topic 12 (court, law, jury)}, {@code topics 12 (…) and 40 (…)}, or {@value #NONE}. */
    public String text() {
        if (topics.isEmpty()) {
            return NONE;
        }
        List<String> parts = topics.stream().map(Topic::text).toList();
        if (parts.size() == 1) {
            return "topic " + parts.get(0);
        }
        return "topics " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** {@code {"model":…, "text":…, "topics":[{"topic":12,"weight":0.61,"words":[…]}…]}} for a row's metadata. */
    public ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("model", model).put("text", text());
        ArrayNode a = o.putArray("topics");
        for (Topic t : topics) {
            ArrayNode w = a.addObject().put("topic", t.topic()).put("weight", t.weight()).putArray("words");
            t.words().forEach(w::add);
        }
        return o;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s [%s]", text(), model);
    }
}
