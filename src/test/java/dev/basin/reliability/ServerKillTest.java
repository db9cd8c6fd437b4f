package dev.basin.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import dev.basin.store.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * R1 for the REST server: a child JVM runs {@code basin serve} on a fresh database; clients in this process POST
 * barriers, each carrying a unique id in its reason, and log the barrier id of every 201 answer here. The server is
 * SIGKILLed at seeded moments and started again. Then every acknowledged barrier is stored exactly once, no unique
 * id is stored twice, and a second restart changes no row of any table. CI: 6 kills; long mode: 30.
 */
class ServerKillTest {
    /** Kill window after the server is ready: a fresh server answers its first requests slowly. */
    static final int MIN_WRITE_MS = 1000;
    static final int MAX_WRITE_MS = 4000;

    @Test
    void restServerKilledMidWriteLosesNoAcknowledgedWrite() throws Exception {
        assumeTrue(present("dev.basin.api.ApiServer"), "the REST server is not part of this build");
        String url = TestDatabases.freshDatabaseUrl();
        Map<Integer, Integer> ports = new ConcurrentHashMap<>();
        try (AckLog acks = new AckLog(Reliability.logFile("r1-rest-server-acks.log"))) {
            long seed = Reliability.seed(20261128L);
            List<RestWriters> writers = new ArrayList<>();
            KillCampaign.Figures f = KillCampaign.run("dev.basin.cli.BasinCommand", run -> {
                int port = freePort();
                ports.put(run, port);
                return List.of("serve", "--db", url, "--port", Integer.toString(port));
            }, Reliability.kills(6, 30), seed, acks, Reliability.logFile("r1-rest-server-child.log"), MIN_WRITE_MS,
                    MAX_WRITE_MS, (run, child) -> {
                RestWriters w = new RestWriters(ports.get(run), run, seed + run, acks);
                writers.add(w);
                return w;
            });
            StoreConfig config = StoreConfig.builder().url(url).poolSize(3).groupCommitWriters(1).build();
            Map<String, String> first;
            try (Store store = Store.open(config)) {
                List<String> ids = new ArrayList<>(acks.barriers());
                List<String> probes = new ArrayList<>(acks.probes());
                long stored = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM geometric_barriers WHERE barrier_id = ANY(:ids)")
                        .bindArray("ids", String.class, ids).mapTo(Long.class).one());
                assertThat(stored).as("acknowledged barriers stored").isEqualTo(ids.size());
                long probed = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM geometric_barriers WHERE reason = ANY(:p)")
                        .bindArray("p", String.class, probes).mapTo(Long.class).one());
                assertThat(probed).as("acknowledged unique ids stored exactly once").isEqualTo(probes.size());
                long dup = store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) - count(DISTINCT reason) FROM geometric_barriers").mapTo(Long.class).one());
                assertThat(dup).as("unique ids stored twice").isZero();
                first = DatabaseSnapshot.of(store.jdbi());
            }
            try (Store store = Store.open(config)) {
                assertThat(DatabaseSnapshot.of(store.jdbi())).as("a second restart changes nothing").isEqualTo(first);
            }
            assertThat(acks.barriers()).as("writes acknowledged by the server").isNotEmpty();
            int non2xx = writers.stream().mapToInt(RestWriters::non2xx).sum();
            Reliability.record("R1 rest/server: kills=" + f.kills() + " (mid-write " + f.midWriteKills() + ", startup "
                    + f.startupKills() + "), acknowledged ids=" + acks.barriers().size() + ", lost=0, duplicated=0,"
                    + " non-2xx answers=" + non2xx + ", second restart unchanged, " + f.elapsedMs() + " ms");
        } finally {
            TestDatabases.drop(url);
        }
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, ServerKillTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
