package dev.basin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.GeometryRequest;
import dev.basin.geometry.Coordizer;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.InvalidInputException;
import dev.basin.geometry.Means;
import dev.basin.geometry.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code basin geometry <op>}: one JSON request (UTF-8) on stdin, one JSON answer on stdout. Request rules are those of
 * {@link GeometryRequests}; bad input exits 2 with one line on stderr and nothing on stdout.
 */
@Command(
        name = "geometry",
        mixinStandardHelpOptions = true,
        description = "Fisher–Rao geometry operations: one JSON object on stdin, one JSON object on stdout.")
final class GeometryCommand implements Runnable {
    /** Largest request read from stdin. */
    static final int MAX_REQUEST_BYTES = 256 << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "an operation is required: distance, geodesic, mean, phi or coordize");
    }

    @Command(name = "distance", mixinStandardHelpOptions = true,
            description = "{\"p\":[64],\"q\":[64]} -> {\"distance\":d}, d = 2*arccos(BC) in [0, pi].")
    void distance() {
        answer(req -> {
            var r = GeometryRequests.distance(req, Set.of());
            return object().put("distance", FisherRao.distance(r.p(), r.q()));
        });
    }

    @Command(name = "geodesic", mixinStandardHelpOptions = true,
            description = "{\"from\":[64],\"to\":[64],\"steps\":n} -> {\"distance\":d,\"path\":[[64],...]} (n+1 points, n <= "
                    + GeometryRequest.MAX_STEPS + ").")
    void geodesic() {
        answer(req -> {
            var r = GeometryRequests.geodesic(req, Set.of());
            ObjectNode out = object().put("distance", FisherRao.distance(r.from(), r.to()));
            ArrayNode path = out.putArray("path");
            for (Basin b : FisherRao.geodesic(r.from(), r.to(), r.steps())) {
                put(path.addArray(), b);
            }
            return out;
        });
    }

    @Command(name = "mean", mixinStandardHelpOptions = true,
            description = "{\"points\":[[64],...],\"weights\":[...]} -> {\"mean\":[64],\"iterations\":k} (Karcher mean; weights optional).")
    void mean() {
        answer(req -> {
            var r = GeometryRequests.mean(req, Set.of());
            Means.Mean m = Means.karcher(r.points(), r.weights());
            ObjectNode out = object();
            put(out.putArray("mean"), m.basin());
            return out.put("iterations", m.iterations());
        });
    }

    @Command(name = "phi", mixinStandardHelpOptions = true,
            description = "{\"basin\":[64]} -> {\"phi\":x}, x = I(A;B)/ln 8 in [0, 1].")
    void phi() {
        answer(req -> object().put("phi", Integration.phi(GeometryRequests.phi(req, Set.of()))));
    }

    @Command(name = "coordize", mixinStandardHelpOptions = true,
            description = "{\"text\":\"...\"} -> {\"basin\":[64],\"model\":\"" + Coordizer.MODEL + "\"}.")
    void coordize() {
        answer(req -> {
            Basin b = Coordizer.coordize(GeometryRequests.coordize(req, Set.of()).text());
            ObjectNode out = object();
            put(out.putArray("basin"), b);
            return out.put("model", Coordizer.MODEL);
        });
    }

    private void answer(Function<ObjectNode, ObjectNode> op) {
        ObjectNode result = op.apply(GeometryRequests.parseObject(readStdin()));
        String json;
        try {
            json = GeometryRequests.mapper().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the answer", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json);
        out.flush();
    }

    private static String readStdin() {
        byte[] bytes;
        try {
            InputStream in = System.in;
            bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalStateException("could not read stdin", e);
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new InvalidInputException("request", "is larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        return Utf8.strict(bytes, "request");
    }

    private static ObjectNode object() {
        return GeometryRequests.mapper().createObjectNode();
    }

    private static void put(ArrayNode array, Basin b) {
        for (int i = 0; i < Basin.DIM; i++) {
            array.add(b.get(i));
        }
    }

}
