package dev.basin.api;

import dev.basin.BasinEngine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basin.geometry.Basin;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drives at least {@value #MIN_REQUESTS} generated bad requests across every endpoint and asserts each answer is a
 * 4xx problem detail naming the field at fault, never a 5xx or a stack trace, and that no row was written.
 */
class ApiFuzzTest {
    static final int MIN_REQUESTS = 10_000;
    static final long SEED = 20_261_126L;
    static final int THREADS = 4;

    static Store store;
    static BasinEngine services;
    static ApiServer server;
    static FuzzCatalog catalog;
    static ApiFixtures fixtures;
    static int hugeArrays;

    @BeforeAll
    static void start() {
        store = TestDatabases.freshStore();
        services = BasinEngine.over(store);
        server = ApiServer.create(ApiConfig.loopback(), services).start();
        fixtures = new ApiFixtures(services, new ApiClient(server.port()));
        catalog = fixtures.catalog();
    }

    @AfterAll
    static void stop() {
        server.close();
        if (services != null) {
            services.close();
        }
        store.close();
    }

    /** One generated request and the field its problem must name (prefix match). */
    record Case(String label, String method, String path, String contentType, byte[] body, String field) {}

    @Test
    void badRequestsGet4xxProblemsNamingTheFieldAndWriteNothing() throws Exception {
        ApiClient client = new ApiClient(server.port());
        for (FuzzCatalog.Spec s : catalog.posts) {
            ApiClient.Reply ok = client.post(s.path(), s.valid().get());
            assertThat(ok.status()).as("valid request to %s: %s", s.path(), ok.text()).isBetween(200, 299);
        }
        Map<String, Long> before = new dev.basin.store.DatabaseProbe(store).rowCounts();

        SplittableRandom rnd = new SplittableRandom(SEED);
        List<Case> cases = new ArrayList<>();
        while (cases.size() < MIN_REQUESTS) {
            generate(rnd, cases);
        }
        long t0 = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int shard = t;
                futures.add(pool.submit(() -> {
                    ApiClient c = new ApiClient(server.port());
                    for (int i = shard; i < cases.size(); i += THREADS) {
                        Case k = cases.get(i);
                        ApiClient.Reply r;
                        try {
                            r = c.send(k.path(), k.method(), k.contentType(), k.body());
                        } catch (java.io.UncheckedIOException e) {
                            failures.add("no answer (" + e.getCause().getMessage() + "): " + k.label() + " " + k.method() + " " + k.path());
                            continue;
                        }
                        sent.incrementAndGet();
                        String problem = check(k, r);
                        if (problem != null && failures.size() < 20) {
                            failures.add(problem);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("fuzz: %d bad requests in %.1f s%n", sent.get(), (System.nanoTime() - t0) / 1e9);
        assertThat(failures).as("bad answers").isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(MIN_REQUESTS);
        assertThat(new dev.basin.store.DatabaseProbe(store).rowCounts()).as("row counts after the fuzz run").isEqualTo(before);
    }

    static String check(Case k, ApiClient.Reply r) {
        String where = k.label() + " " + k.method() + " " + k.path() + " -> " + r.status() + " " + clip(r.text());
        if (r.status() < 400 || r.status() >= 500) {
            return "status not 4xx: " + where;
        }
        if (!r.contentType().startsWith("application/problem+json")) {
            return "not a problem detail: " + where;
        }
        JsonNode p;
        try {
            p = r.json();
        } catch (RuntimeException e) {
            return "unparsable problem: " + where;
        }
        String field = p.path("field").asText("");
        if (field.isEmpty() || !field.startsWith(k.field())) {
            return "field " + field + " does not name " + k.field() + ": " + where;
        }
        if (!p.path("detail").asText().contains(field) || p.path("status").asInt() != r.status()) {
            return "detail/status inconsistent: " + where;
        }
        if (r.text().contains("Exception") || r.text().contains("\tat ") || r.text().contains("org.")) {
            return "internals leaked: " + where;
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static void generate(SplittableRandom rnd, List<Case> out) throws Exception {
        for (FuzzCatalog.Spec s : catalog.posts) {
            for (FuzzCatalog.Field f : s.fields()) {
                for (JsonNode bad : FuzzCatalog.badValues(f, rnd)) {
                    ObjectNode body = s.valid().get();
                    body.set(f.name(), bad);
                    out.add(json("bad " + f.name(), s.path(), body, f.name()));
                }
                if (f.required()) {
                    ObjectNode body = s.valid().get();
                    body.remove(f.name());
                    out.add(json("missing " + f.name(), s.path(), body, f.name()));
                }
            }
            for (FuzzCatalog.BadBody bb : s.extras()) {
                out.add(json(bb.label(), s.path(), bb.body().get(), bb.field()));
            }
            ObjectNode extra = s.valid().get();
            extra.put("unexpected_" + rnd.nextInt(100), 1);
            out.add(json("unknown field", s.path(), extra, "unexpected_"));
            bodyLevel(rnd, s, out);
        }
        for (FuzzCatalog.Query q : catalog.gets) {
            for (String param : q.params()) {
                for (String v : new String[] {"-1", "abc", "1e3", "99999999999", "", "' OR 1=1 --", "%00"}) {
                    if (param.equals("offset") && v.isEmpty()) {
                        continue;
                    }
                    out.add(new Case("query " + param, "GET", q.path() + "?" + param + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8),
                            null, null, param));
                }
            }
        }
        for (String template : catalog.idPaths) {
            String name = template.substring(template.indexOf('{') + 1, template.indexOf('}'));
            String prefix = template.substring(template.indexOf('}') + 1, template.indexOf('}') + 1).isEmpty() ? "" : "";
            for (String id : new String[] {"..%2F..%2Fetc%2Fpasswd", "x%27%20OR%201%3D1", "unknown_" + FuzzCatalog.hex(rnd, 20),
                    "krn_" + FuzzCatalog.hex(rnd, 20), "%00", "a".repeat(300)}) {
                String path = template.replace("{" + name + "}", id) + prefix;
                out.add(new Case("id " + name, template.startsWith("POST ") ? "POST" : "GET",
                        path.startsWith("POST ") ? path.substring(5) : path, template.startsWith("POST ") ? "application/json" : null,
                        template.startsWith("POST ") ? "{}".getBytes(StandardCharsets.UTF_8) : null,
                        id.equals("%00") ? "path" : name));
            }
        }
    }

    private static void bodyLevel(SplittableRandom rnd, FuzzCatalog.Spec s, List<Case> out) throws Exception {
        byte[] valid = FuzzCatalog.JSON.writeValueAsBytes(s.valid().get());
        out.add(new Case("truncated", "POST", s.path(), "application/json",
                java.util.Arrays.copyOf(valid, 1 + rnd.nextInt(valid.length - 1)), "body"));
        byte[] garbage = new byte[1 + rnd.nextInt(64)];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) rnd.nextInt(256);
        }
        garbage[0] = '{';
        out.add(new Case("garbage", "POST", s.path(), "application/json", garbage, "body"));
        byte[] badUtf8 = valid.clone();
        badUtf8[valid.length / 2] = (byte) 0xFF;
        out.add(new Case("invalid utf-8", "POST", s.path(), "application/json", badUtf8, "body"));
        out.add(new Case("trailing tokens", "POST", s.path(), "application/json",
                (new String(valid, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8), "body"));
        out.add(new Case("top-level array", "POST", s.path(), "application/json", "[1,2,3]".getBytes(StandardCharsets.UTF_8), "body"));
        out.add(new Case("empty body", "POST", s.path(), "application/json", new byte[0], "body"));
        out.add(new Case("NaN literal", "POST", s.path(), "application/json", "{\"a\":NaN}".getBytes(StandardCharsets.UTF_8), "body"));
        out.add(new Case("deep nesting", "POST", s.path(), "application/json",
                ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.UTF_8), "body"));
        out.add(new Case("wrong media type", "POST", s.path(), "text/plain", valid, "Content-Type"));
        out.add(new Case("missing media type", "POST", s.path(), null, valid, "Content-Type"));
        out.add(new Case("latin-1 charset", "POST", s.path(), "application/json; charset=iso-8859-1", valid, "Content-Type"));
        if (hugeArrays < 3) {
            hugeArrays++;
            StringBuilder huge = new StringBuilder("{\"").append(s.fields().get(0).name()).append("\":[");
            for (int i = 0; i < 1_000_000; i++) {
                huge.append(i == 0 ? "0" : ",0");
            }
            out.add(new Case("10^6-element array", "POST", s.path(), "application/json",
                    huge.append("]}").toString().getBytes(StandardCharsets.UTF_8), "body"));
        }
    }

    private static Case json(String label, String path, ObjectNode body, String field) throws Exception {
        return new Case(label, "POST", path, "application/json", FuzzCatalog.JSON.writeValueAsBytes(body), field);
    }

    static ObjectNode obj(Object... kv) {
        ObjectNode o = FuzzCatalog.F.objectNode();
        for (int i = 0; i < kv.length; i += 2) {
            o.set((String) kv[i], FuzzCatalog.JSON.valueToTree(kv[i + 1]));
        }
        return o;
    }

    static Basin uniform() {
        return Basin.uniform();
    }
}
