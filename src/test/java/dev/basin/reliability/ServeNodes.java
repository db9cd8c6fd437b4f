package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@code basin serve} child JVMs on one database, each on a loopback port of its own chosen up front (so a
 * node killed and started again comes back on the same port, as a load balancer's upstream list expects). Closing
 * kills every node still running.
 */
final class ServeNodes implements AutoCloseable {
    private final String dbUrl;
    private final Path log;
    private final int[] ports;
    private final ChildJvm[] nodes;

    private ServeNodes(String dbUrl, int count, Path log) {
        this.dbUrl = dbUrl;
        this.log = log;
        this.ports = new int[count];
        this.nodes = new ChildJvm[count];
        for (int i = 0; i < count; i++) {
            ports[i] = ServerKillTest.freePort();
        }
    }

    /** Starts {@code count} nodes on {@code dbUrl} and waits until each serves; on failure kills what it started. */
    static ServeNodes start(String dbUrl, int count, Path log) throws IOException, InterruptedException {
        ServeNodes s = new ServeNodes(dbUrl, count, log);
        try {
            for (int i = 0; i < count; i++) {
                s.launch(i);
            }
            for (int i = 0; i < count; i++) {
                s.awaitReady(i);
            }
            return s;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            s.close();
            throw e;
        }
    }

    private void launch(int i) throws IOException {
        nodes[i] = ChildJvm.start("dev.basin.cli.BasinCommand",
                List.of("serve", "--db", dbUrl, "--port", Integer.toString(ports[i])), log, line -> {});
    }

    private void awaitReady(int i) throws InterruptedException {
        assertThat(nodes[i].awaitReady(KillCampaign.READY_TIMEOUT_MS)).as("node %d ready", i).isTrue();
        assertThat(nodes[i].isAlive()).as("node %d alive after start; stderr tail:%n%s", i, KillCampaign.tail(log))
                .isTrue();
    }

    int size() {
        return ports.length;
    }

    int port(int i) {
        return ports[i];
    }

    List<Integer> ports() {
        List<Integer> l = new ArrayList<>();
        for (int p : ports) {
            l.add(p);
        }
        return l;
    }

    long pid(int i) {
        return nodes[i].pid();
    }

    boolean alive(int i) {
        return nodes[i] != null && nodes[i].isAlive();
    }

    /** SIGKILL of node {@code i}. */
    void kill(int i) throws InterruptedException {
        nodes[i].kill();
    }

    /** Starts node {@code i} again on its port and waits until it serves. */
    void restart(int i) throws IOException, InterruptedException {
        if (alive(i)) {
            throw new IllegalStateException("node " + i + " is still running");
        }
        launch(i);
        awaitReady(i);
    }

    @Override
    public void close() throws InterruptedException {
        InterruptedException interrupted = null;
        for (ChildJvm n : nodes) {
            if (n != null && n.isAlive()) {
                try {
                    n.kill();
                } catch (InterruptedException e) {
                    interrupted = e;
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
    }
}
