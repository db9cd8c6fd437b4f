package dev.basin.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as a load balancer in front of {@code basin serve} nodes: its own configuration, logs, pid file and
 * temporary directories under a directory of the test's, run in the foreground as a child of the test (as the current
 * user), round robin over the nodes' loopback ports with keep-alive connections to them. A node that refuses
 * connections is skipped for {@link #FAIL_TIMEOUT_S} s; a request is passed to the next node only if the previous one
 * could not be reached (nginx never resends a POST that a node may have received). {@link #close()} stops it (SIGTERM,
 * then SIGKILL after 10 s).
 */
final class Nginx implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nginx");
    static final int FAIL_TIMEOUT_S = 1;

    private final Process process;
    private final int port;
    private final Path dir;

    private Nginx(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Whether the nginx binary is installed. */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts nginx on a free loopback port in front of {@code upstreamPorts}; waits until it accepts connections. */
    static Nginx start(Path dir, List<Integer> upstreamPorts) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = ServerKillTest.freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, upstreamPorts), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", conf.toString(), "-e",
                dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        Nginx n = new Nginx(p, port, dir);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!n.accepts()) {
            if (!p.isAlive() || System.nanoTime() > end) {
                n.close();
                throw new IllegalStateException("nginx did not start (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + "); error log:\n" + n.errorLog());
            }
            Thread.sleep(50);
        }
        return n;
    }

    static String config(Path dir, int port, List<Integer> upstreams) {
        StringBuilder servers = new StringBuilder();
        for (int u : upstreams) {
            servers.append("        server 127.0.0.1:").append(u).append(" max_fails=1 fail_timeout=").append(FAIL_TIMEOUT_S)
                    .append("s;\n");
        }
        String d = dir.toAbsolutePath().toString();
        return """
                # Written by the test: a balancer in front of basin serve nodes.
                user %s;
                daemon off;
                master_process on;
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %s/access.log;
                    client_body_temp_path %s/client_body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    client_max_body_size 8m;
                    client_body_buffer_size 1m;
                    proxy_max_temp_file_size 0;
                    upstream basin {
                %s        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://basin;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_next_upstream error timeout;
                            proxy_connect_timeout 1s;
                            proxy_read_timeout 60s;
                        }
                    }
                }
                """.formatted(System.getProperty("user.name"), d, d, d, d, d, d, d, d, servers, port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String errorLog() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Upstream answers logged as "upstream ... failed" or "no live upstreams" in the error log. */
    long upstreamErrors() {
        return errorLog().lines().filter(l -> l.contains("upstream") && l.contains("[error]")).count();
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
