package dev.basin.navigation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.Curvature;
import dev.basin.geometry.FisherRao;
import java.util.List;

/**
 * The metadata a finished trajectory carries about its path (docs/navigation.md): Fisher–Rao path length, the direct
 * distance start→end, geodesic ratio = length / distance (1 for a path that did not move), mean velocity in length per
 * second, maximum discrete curvature, and the distance still left to the target.
 */
final class PathSummary {
    private PathSummary() {}

    /** Puts the summary of {@code points} (start first), walked in {@code seconds}, heading for {@code target}. */
    static ObjectNode put(ObjectNode m, List<Basin> points, double seconds, Basin target) {
        double length = 0.0;
        for (int i = 1; i < points.size(); i++) {
            length += FisherRao.distance(points.get(i - 1), points.get(i));
        }
        Basin start = points.get(0);
        Basin end = points.get(points.size() - 1);
        double direct = FisherRao.distance(start, end);
        return m.put("path_length", length).put("distance", direct)
                .put("geodesic_ratio", direct > 0.0 ? length / direct : 1.0)
                .put("mean_velocity", seconds > 0.0 ? length / seconds : 0.0)
                .put("max_curvature", Curvature.max(points))
                .put("remaining_distance", FisherRao.distance(end, target));
    }
}
