package dev.basin.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP clients in the test process writing to a {@code basin serve} child: each POSTs
 * {@code /api/v1/safety/barriers} with a reason that carries a unique id, and records the returned barrier id as
 * acknowledged only on a 201. Connection failures (the child was killed) end nothing but the request.
 */
final class RestWriters implements AutoCloseable {
    static final int CLIENTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger non2xx = new AtomicInteger();
    private volatile boolean stop;

    RestWriters(int port, int run, long seed, AckLog acks) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed * 131 + client);
                for (int n = 0; !stop; n++) {
                    String probe = String.format("probe_%04x%04x%08x", run, client, n);
                    try {
                        HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/safety/barriers"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body(probe, r))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() == 201) {
                            JsonNode b = JSON.readTree(res.body());
                            acks.accept("ACK B " + b.get("barrierId").asText() + " END");
                            acks.accept("ACK P " + probe + " END");
                        } else {
                            non2xx.incrementAndGet();
                        }
                    } catch (IOException e) {
                        pause();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rest-writer-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private static String body(String probe, SplittableRandom r) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode center = o.putArray("center");
        for (double v : WorkloadTables.randomBasin(r).toArray()) {
            center.add(v);
        }
        o.put("radius", 0.05 + 0.2 * r.nextDouble());
        o.put("type", "instability");
        o.put("severity", r.nextDouble());
        o.put("reason", probe);
        return o.toString();
    }

    private void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int non2xx() {
        return non2xx.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

}
