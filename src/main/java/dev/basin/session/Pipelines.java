package dev.basin.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The operation sequences kernels repeat, written as tool pipelines (data for the tools interpreter). When a kernel
 * has carried one out successfully often enough, the tool miner registers it as a generated tool, and from then on
 * kernels run the tool instead of the operations one by one.
 *
 * <ul>
 *   <li>{@code APPROACH}: the point at fraction τ of the geodesic from here to a chunk, its distance and Φ (a partial
 *       approach; τ outside [0, 1] makes the tool fail).</li>
 *   <li>{@code BRIDGE}: the geodesic midpoint of two domains' basins, its Φ and the span between them (the candidate
 *       bridging point of an insight).</li>
 * </ul>
 */
final class Pipelines {
    static final String APPROACH_JSON = """
            {"steps":[
              {"op":"point_at","args":{"from":"$input.here","to":"$input.chunk","tau":"$input.tau"},"as":"target"},
              {"op":"distance","args":{"p":"$input.here","q":"$target"},"as":"distance"},
              {"op":"phi","args":{"basin":"$target"},"as":"phi"}],
             "result":{"target":"$target","distance":"$distance","phi":"$phi"}}""";

    static final String BRIDGE_JSON = """
            {"steps":[
              {"op":"geodesic_midpoint","args":{"p":"$input.a","q":"$input.b"},"as":"bridge"},
              {"op":"phi","args":{"basin":"$bridge"},"as":"phi"},
              {"op":"distance","args":{"p":"$input.a","q":"$input.b"},"as":"span"}],
             "result":{"bridge":"$bridge","phi":"$phi","span":"$span"}}""";

    private Pipelines() {}

    static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a built-in pipeline is not valid JSON: " + e.getMessage(), e);
        }
    }
}
