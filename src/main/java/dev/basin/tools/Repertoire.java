package dev.basin.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated tools one kernel knows: those it mined (or found already registered when its own successes reached
 * the threshold) and those it inherited from its parent ({@code strategies}). Keyed by the tool's canonical pipeline,
 * so that a {@link Workbench} can recognise a stretch of a procedure as a known tool.
 */
public final class Repertoire {
    private final Map<String, String> byPipeline = new TreeMap<>();

    /** Adds {@code tool}; true if it was not known. */
    public boolean learn(ToolRow tool) {
        return byPipeline.putIfAbsent(ToolMiner.canonical(tool.implementation()), tool.toolId()) == null;
    }

    /** The id of the known tool whose pipeline has this canonical form, or null. */
    String toolFor(String canonicalPipeline) {
        return byPipeline.get(canonicalPipeline);
    }

    /** The ids of the known tools, in the order of their canonical pipelines. */
    public List<String> toolIds() {
        return new ArrayList<>(byPipeline.values());
    }

    public int size() {
        return byPipeline.size();
    }
}
