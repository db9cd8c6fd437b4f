package dev.basin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basin.geometry.Basin;
import dev.basin.coordizer.DefaultModel;
import dev.basin.geometry.FisherRao;
import dev.basin.geometry.Integration;
import dev.basin.geometry.Means;
import dev.basin.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs {@code basin geometry <op>} in process with redirected stdin, stdout and stderr. */
@Isolated
class GeometryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIFORM = json(Basin.uniform());

    record Run(int exit, String out, String err) {}

    static Run run(String stdin, String... args) {
        InputStream saved = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            var cli = BasinCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    static String json(Basin b) {
        return Arrays.stream(b.toArray()).mapToObj(Double::toString).collect(Collectors.joining(",", "[", "]"));
    }

    static Basin random(long seed) {
        Random r = new Random(seed);
        return Basin.normalize(DoubleStream.generate(r::nextDouble).limit(64).toArray());
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).doubleValue();
        }
        return v;
    }

    static JsonNode ok(Run r) throws Exception {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("\n").doesNotContain("\n\n");
        return JSON.readTree(r.out());
    }

    @Test
    void distanceRoundTripsTheExactDouble() throws Exception {
        Basin p = random(1);
        Basin q = random(2);
        JsonNode a = ok(run("{\"p\":" + json(p) + ",\"q\":" + json(q) + "}", "geometry", "distance"));
        assertThat(a.get("distance").doubleValue()).isEqualTo(FisherRao.distance(p, q));
        assertThat(a.size()).isEqualTo(1);
    }

    @Test
    void geodesicReturnsStepsPlusOnePoints() throws Exception {
        Basin p = random(3);
        Basin q = random(4);
        JsonNode a = ok(run("{\"from\":" + json(p) + ",\"to\":" + json(q) + ",\"steps\":5}", "geometry", "geodesic"));
        assertThat(a.get("distance").doubleValue()).isEqualTo(FisherRao.distance(p, q));
        assertThat(a.get("path")).hasSize(6);
        List<Basin> expected = FisherRao.geodesic(p, q, 5);
        for (int i = 0; i < 6; i++) {
            assertThat(doubles(a.get("path").get(i))).containsExactly(expected.get(i).toArray());
        }
    }

    @Test
    void meanWithAndWithoutWeights() throws Exception {
        Basin p = random(5);
        Basin q = random(6);
        String pts = "[" + json(p) + "," + json(q) + "]";
        JsonNode a = ok(run("{\"points\":" + pts + "}", "geometry", "mean"));
        Means.Mean m = Means.karcher(List.of(p, q), null);
        assertThat(doubles(a.get("mean"))).containsExactly(m.basin().toArray());
        assertThat(a.get("iterations").intValue()).isEqualTo(m.iterations());
        JsonNode w = ok(run("{\"points\":" + pts + ",\"weights\":[0.25,0.75]}", "geometry", "mean"));
        assertThat(doubles(w.get("mean"))).containsExactly(Means.karcher(List.of(p, q), new double[] {0.25, 0.75}).basin().toArray());
        JsonNode nul = ok(run("{\"points\":" + pts + ",\"weights\":null}", "geometry", "mean"));
        assertThat(nul).isEqualTo(a);
    }

    @Test
    void phiAndCoordize() throws Exception {
        Basin p = random(7);
        assertThat(ok(run("{\"basin\":" + json(p) + "}", "geometry", "phi")).get("phi").doubleValue())
                .isEqualTo(Integration.phi(p));
        String db = TestDatabases.freshDatabaseUrl();
        JsonNode c = ok(run("{\"text\":\"the jury and the court\"}", "geometry", "coordize", "--db", db));
        assertThat(c.get("model").textValue()).isEqualTo(DefaultModel.shipped().id());
        assertThat(doubles(c.get("basin"))).containsExactly(DefaultModel.shipped().coordize("the jury and the court").toArray());

        JsonNode d = ok(run("{\"basin\":" + c.get("basin") + ",\"k\":5}", "geometry", "decode", "--db", db));
        assertThat(d.get("model").textValue()).isEqualTo(DefaultModel.shipped().id());
        assertThat(d.get("words")).hasSize(5);
        double last = 0.0;
        for (JsonNode w : d.get("words")) {
            assertThat(w.get("distance").doubleValue()).isBetween(last, Math.PI);
            last = w.get("distance").doubleValue();
        }
        Run badK = run("{\"basin\":" + c.get("basin") + ",\"k\":0}", "geometry", "decode", "--db", db);
        assertThat(badK.exit()).isEqualTo(2);
        assertThat(badK.err()).contains("k must be in [1, 1000], is 0");
        TestDatabases.drop(db);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad JSON              | distance | {"p":[1,2                                  | request is not valid JSON
            NaN token             | distance | {"p":NaN}                                  | request is not valid JSON
            empty input           | distance | ''                                         | request is empty
            not an object         | distance | [1,2]                                      | request must be a JSON object, is an array
            trailing content      | phi      | {"basin":UNIFORM} {}                       | request is not valid JSON
            duplicate key         | phi      | {"basin":UNIFORM,"basin":UNIFORM}          | request is not valid JSON: Duplicate field 'basin'
            missing field         | distance | {"p":UNIFORM}                              | q is missing
            null field            | distance | {"p":UNIFORM,"q":null}                     | q is missing
            wrong type            | distance | {"p":UNIFORM,"q":"x"}                      | q must be an array of numbers, is a string
            wrong length          | distance | {"p":UNIFORM,"q":[1]}                      | q must have 64 entries, has 1
            NaN as string         | phi      | {"basin":["NaN"]}                          | basin[0] must be a number, is a string "NaN"
            overflowing number    | phi      | {"basin":[1e999]}                          | basin[0] is not finite
            negative entry        | phi      | {"basin":NEGATIVE}                         | basin[1] is negative: -0.015625
            sum off 1             | phi      | {"basin":HALF}                             | basin must sum to 1 within 1.0E-9, sums to 0.5
            unknown field         | phi      | {"basin":UNIFORM,"extra":1}                | extra is not a field of this request
            steps zero            | geodesic | {"from":UNIFORM,"to":UNIFORM,"steps":0}    | steps must be in [1, 10000], is 0
            steps too many        | geodesic | {"from":UNIFORM,"to":UNIFORM,"steps":10001}| steps must be in [1, 10000], is 10001
            steps fractional      | geodesic | {"from":UNIFORM,"to":UNIFORM,"steps":2.5}  | steps must be an integer, is a number 2.5
            steps string          | geodesic | {"from":UNIFORM,"to":UNIFORM,"steps":"3"}  | steps must be an integer, is a string "3"
            steps missing         | geodesic | {"from":UNIFORM,"to":UNIFORM}              | steps is missing
            empty points          | mean     | {"points":[]}                              | points must not be empty
            bad point             | mean     | {"points":[UNIFORM,[1]]}                   | points[1] must have 64 entries, has 1
            weights mismatch      | mean     | {"points":[UNIFORM],"weights":[0.5,0.5]}   | weights must have one entry per point (1), has 2
            weights negative      | mean     | {"points":[UNIFORM,UNIFORM],"weights":[1.5,-0.5]} | weights[1] is negative: -0.5
            weights sum           | mean     | {"points":[UNIFORM,UNIFORM],"weights":[0.5,0.6]}  | weights must sum to 1 within 1.0E-9
            text missing          | coordize | {}                                         | text is missing
            text not a string     | coordize | {"text":42}                                | text must be a string, is a number
            """)
    void badInputExitsTwoWithOneLineNamingTheField(String name, String op, String request, String message) {
        double[] neg = Basin.uniform().toArray();
        neg[0] += neg[1];
        neg[1] = -neg[1];
        String body = request
                .replace("NEGATIVE", Arrays.toString(neg))
                .replace("HALF", Arrays.toString(Basin.uniform().toArray()).replace("0.015625", "0.0078125"))
                .replace("UNIFORM", UNIFORM);
        Run r = run(body, "geometry", op);
        assertThat(r.exit()).as(name).isEqualTo(BasinCommand.EXIT_BAD_INPUT);
        assertThat(r.out()).as(name).isEmpty();
        assertThat(r.err()).as(name).startsWith("basin: " + message).endsWith("\n");
        assertThat(r.err().strip()).as(name).doesNotContain("\n");
    }

    @Test
    void invalidUtf8IsRejected() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xff, '"', '}'}));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            var cli = BasinCommand.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            assertThat(cli.execute("geometry", "coordize")).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).isEqualTo("basin: request is not valid UTF-8\n");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void geometryWithoutAnOperationIsAUsageError() {
        Run r = run("", "geometry");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("an operation is required");
    }
}
