package dev.basin.api;

import static dev.basin.api.FuzzCatalog.Field;
import static dev.basin.api.FuzzCatalog.Kind;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Valid requests for every endpoint, and the data they refer to (created through the services): the fuzz test breaks
 * them one field at a time.
 */
final class ApiFixtures {
    private final ApiServices services;
    private final ApiClient client;
    private final SplittableRandom rnd = new SplittableRandom(3);

    ApiFixtures(ApiServices services, ApiClient client) {
        this.services = services;
        this.client = client;
    }

    ObjectNode basins(String... names) {
        ObjectNode o = FuzzCatalog.F.objectNode();
        for (String n : names) {
            o.set(n, FuzzCatalog.basin(TestBasins.random(rnd)));
        }
        return o;
    }

    FuzzCatalog catalog() {
        FuzzCatalog c = new FuzzCatalog();
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/distance", () -> basins("p", "q"),
                List.of(Field.of("p", Kind.BASIN), Field.of("q", Kind.BASIN)), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/geodesic", () -> basins("from", "to").put("steps", 4),
                List.of(Field.of("from", Kind.BASIN), Field.of("to", Kind.BASIN), Field.of("steps", Kind.INT).range(1, GeometryRoutes.MAX_STEPS),
                        Field.of("persist", Kind.BOOL).optional(), Field.of("kernelId", Kind.ID).prefix("krn_").optional()), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/mean", () -> {
            ObjectNode o = FuzzCatalog.F.objectNode();
            o.putArray("points").add(FuzzCatalog.basin(TestBasins.random(rnd))).add(FuzzCatalog.basin(Basin.uniform()));
            o.putArray("weights").add(0.25).add(0.75);
            return o;
        }, List.of(Field.of("points", Kind.BASINS), Field.of("weights", Kind.NUMBERS).optional()), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/phi", () -> basins("basin"), List.of(Field.of("basin", Kind.BASIN)), false));
        c.posts.add(new FuzzCatalog.Spec("/api/v1/geometry/coordize", () -> FuzzCatalog.F.objectNode().put("text", "a quiet sea"),
                List.of(Field.of("text", Kind.STRING).range(0, JsonBody.MAX_TEXT)), false));
        return c;
    }
}
