package dev.basin.api;

import dev.basin.BasinEngine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.basin.geometry.Basin;
import dev.basin.safety.BarrierType;
import dev.basin.safety.NewBarrier;
import dev.basin.session.SessionSummary;
import dev.basin.session.TestSessions;
import dev.basin.store.Store;
import dev.basin.store.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the dashboard in headless Chromium against a server over a database filled by a short session (what
 * {@code basin run} does: {@value #KERNELS} root kernels, {@value #CYCLES} cycles, seed {@value #SEED}, the shipped
 * corpus), checks that every panel rendered data, that the trajectory map drew a geometric barrier, and that the page
 * refreshed itself without a reload, and saves a screenshot to {@code target/dashboard.png}. Skipped (with a message)
 * only when Chromium is absent outside CI; with {@code CI=true} a missing Chromium fails the test.
 */
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final List<String> PANELS = List.of("coverage", "phi", "kappa", "emotions", "trajectories", "kernels", "patterns",
            "thoughts", "insights");
    /** A basin named in words (docs/coordizer.md): "topic 12 (a, b, c)", "topics 12 (…) and 40 (…)". */
    static final Pattern NAMED = Pattern.compile("topics? \\d+ \\([^()]+\\)");
    static final int VIRTUAL_TIME_MS = 10_000;
    static final Pattern PANEL = Pattern.compile("data-panel=\"([a-z]+)\" data-ready=\"([a-z]+)\"(?: data-count=\"(\\d+)\")?");
    static final Pattern REFRESHES = Pattern.compile("data-refreshes=\"(\\d+)\"");
    static final Pattern BARRIER = Pattern.compile("<circle[^>]*data-table=\"geometric_barriers\"");
    /**
     * The session: the smallest that leaves data for every panel, including a lightning insight (the active barrier the
     * map must draw is added by the test, as an API caller would).
     */
    static final int KERNELS = 3;
    static final int CYCLES = 1;
    static final long SEED = 11L;

    static Store store;
    static BasinEngine services;
    static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (ci) {
                throw new IllegalStateException(CHROMIUM + " is missing in CI: .ci/run installs chromium and chromium-driver");
            }
            Assumptions.abort("skipped: " + CHROMIUM + " is not installed (apt-get install chromium chromium-driver); CI runs it");
        }
        store = TestDatabases.freshStore();
        fill(store);
        services = BasinEngine.over(store);
        // A barrier as an operator would create it through the API: a short session at the default ethics thresholds
        // usually raises none, and the map must draw one.
        services.safety().createBarrier(new NewBarrier(null, Basin.uniform(), 0.1, BarrierType.INSTABILITY, 0.5,
                "operator barrier for the map", null));
        server = ApiServer.create(ApiConfig.loopback(), services).start();
    }

    /** Fills {@code store} with the short session this test runs against (also used by {@link ServeDemo}). */
    static SessionSummary fill(Store store) {
        return TestSessions.run(store, KERNELS, CYCLES, SEED);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            if (services != null) {
                services.close();
            }
            store.close();
        }
    }

    @Test
    void everyPanelRendersDataAndRefreshesInPlace() throws Exception {
        String dom = chromium("--dump-dom", "--virtual-time-budget=" + VIRTUAL_TIME_MS);
        Map<String, String> ready = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = PANEL.matcher(dom);
        while (m.find()) {
            ready.put(m.group(1), m.group(2));
            counts.put(m.group(1), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }
        assertThat(ready.keySet()).containsExactlyInAnyOrderElementsOf(PANELS);
        assertThat(ready).as("panel states in %s", dom.length() > 2000 ? dom.substring(0, 2000) : dom).allSatisfy((p, s) -> assertThat(s).isEqualTo("true"));
        assertThat(counts).allSatisfy((p, n) -> assertThat(n).as(p).isPositive());
        assertThat(dom).contains("data-table=\"ocean_waypoints\"").contains("<polyline").contains("uplot");
        assertThat(BARRIER.matcher(dom).find()).as("a geometric barrier drawn on the trajectory map").isTrue();
        for (String list : List.of("kernel-list", "pattern-list", "thought-list")) {
            int at = dom.indexOf("id=\"" + list + "\"");
            String items = dom.substring(at, dom.indexOf("</ol>", at));
            assertThat(NAMED.matcher(items).find()).as("a basin named by its topics in %s: %s", list, items).isTrue();
        }
        Matcher r = REFRESHES.matcher(dom);
        assertThat(r.find()).isTrue();
        assertThat(Integer.parseInt(r.group(1))).as("refreshes within the virtual time budget").isGreaterThanOrEqualTo(2);
    }

    @Test
    void savesAScreenshot() throws Exception {
        Path shot = Path.of("target", "dashboard.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        chromium("--screenshot=" + shot, "--window-size=1400,1800", "--virtual-time-budget=" + VIRTUAL_TIME_MS);
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    private static String chromium(String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("basin-chromium-");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add("http://127.0.0.1:" + server.port() + "/");
        Path out = Files.createTempFile("basin-chromium-", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium did not finish within 90 s: " + cmd);
            }
            assertThat(p.exitValue()).as("chromium exit status").isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(out);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
