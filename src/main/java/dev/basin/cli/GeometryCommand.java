package dev.basin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.geometry.GeometryRequest;
import dev.basin.coordizer.BasinTopics;
import dev.basin.coordizer.CoordizerService;
import dev.basin.coordizer.CoordizerTables;
import dev.basin.coordizer.TopicModel;
import dev.basin.store.Store;
import dev.basin.store.Table;
import java.time.Clock;
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
                spec.commandLine(), "an operation is required: distance, geodesic, mean, phi, coordize or decode");
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
            description = {"{\"text\":\"...\"} -> {\"basin\":[64],\"model\":\"<model id>\"}: the text's basin under the",
                    "database's current coordizer model (see basin coordizer info)."})
    void coordize(@CommandLine.Mixin DatabaseOptions db) {
        ObjectNode req = GeometryRequests.parseObject(readStdin());
        String text = GeometryRequests.coordize(req, Set.of()).text();
        answer(() -> withModel(db, m -> {
            ObjectNode out = object();
            put(out.putArray("basin"), m.coordize(text));
            return out.put("model", m.id());
        }));
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = {"{\"basin\":[64],\"k\":n} -> {\"model\":id,\"topics\":\"its strongest topics (docs/coordizer.md)\",\"words\":[{\"word\":w,\"stem\":s,\"distance\":d}...]}:",
                    "the k vocabulary words of the current model whose own basins are Fisher-Rao nearest (k at most "
                            + GeometryRequest.MAX_DECODE_K + ")."})
    void decode(@CommandLine.Mixin DatabaseOptions db) {
        GeometryRequest.Decode d = GeometryRequests.decode(GeometryRequests.parseObject(readStdin()));
        answer(() -> withModel(db, m -> {
            ObjectNode out = object().put("model", m.id()).put("topics", BasinTopics.of(m, d.basin()).text());
            ArrayNode words = out.putArray("words");
            for (TopicModel.WordDistance w : m.decode(d.basin(), Math.min(d.k(), m.vocabularySize()))) {
                words.addObject().put("word", w.word()).put("stem", w.stem()).put("distance", w.distance());
            }
            return out;
        }));
    }

    private static ObjectNode withModel(DatabaseOptions db, Function<TopicModel, ObjectNode> op) {
        try (Store store = db.open()) {
            store.register(CoordizerTables.all().toArray(new Table<?>[0]));
            return op.apply(new CoordizerService(store, Clock.systemUTC()).current());
        }
    }

    private void answer(java.util.function.Supplier<ObjectNode> op) {
        write(op.get());
    }

    private void answer(Function<ObjectNode, ObjectNode> op) {
        write(op.apply(GeometryRequests.parseObject(readStdin())));
    }

    private void write(ObjectNode result) {
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
