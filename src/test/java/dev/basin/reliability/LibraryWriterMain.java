package dev.basin.reliability;

import dev.basin.store.Store;
import dev.basin.store.StoreConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Child process of the kill tests: writes through the {@link Store} library as fast as it can until it is killed,
 * and prints one line per acknowledged write to stdout ({@code ACK S <session_id> END} for a single-row insert or a
 * batch row, {@code ACK U <hex> END} for a kernel+insight+outcome unit of work), only after the store returned,
 * i.e. after commit. {@code READY} is printed once the store is open.
 *
 * <p>Arguments: {@code url|embedded <jdbc-url|data-dir> <run> <seed>}. Ids are {@code <prefix><run:4><thread:4><n:8>}
 * in hex, unique over all runs of one test.
 */
public final class LibraryWriterMain {
    /** Writer threads: two single inserts (group commit), one batch insert, two multi-table units of work. */
    static final int SINGLE_WRITERS = 2;
    static final int BATCH_WRITERS = 1;
    static final int UNIT_WRITERS = 2;
    static final int BATCH_ROWS = 5;

    private LibraryWriterMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        StoreConfig.Builder b = StoreConfig.builder().poolSize(8);
        if (args[0].equals("url")) {
            b.url(args[1]);
        } else {
            b.dataDir(Path.of(args[1]));
        }
        int run = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Store store = Store.open(b.build());
        String runSession = "ses_" + Ids.hex(run, 0xffff, 0);
        store.insert(WorkloadTables.SESSIONS, WorkloadTables.session(runSession, new SplittableRandom(seed)));
        out.println("ACK S " + runSession + " END");
        out.println("READY");
        List<Thread> threads = new ArrayList<>();
        int t = 0;
        for (int i = 0; i < SINGLE_WRITERS; i++, t++) {
            threads.add(writer(t, seed, (thread, n, r) -> {
                String id = "ses_" + Ids.hex(run, thread, n);
                store.insert(WorkloadTables.SESSIONS, WorkloadTables.session(id, r));
                out.println("ACK S " + id + " END");
            }));
        }
        for (int i = 0; i < BATCH_WRITERS; i++, t++) {
            threads.add(writer(t, seed, (thread, n, r) -> {
                List<WorkloadTables.SessionRow> rows = new ArrayList<>();
                for (int k = 0; k < BATCH_ROWS; k++) {
                    rows.add(WorkloadTables.session("ses_" + Ids.hex(run, thread, n * BATCH_ROWS + k), r));
                }
                store.insertBatch(WorkloadTables.SESSIONS, rows);
                StringBuilder sb = new StringBuilder();
                for (WorkloadTables.SessionRow row : rows) {
                    sb.append("ACK S ").append(row.sessionId()).append(" END\n");
                }
                out.print(sb);
            }));
        }
        for (int i = 0; i < UNIT_WRITERS; i++, t++) {
            threads.add(writer(t, seed, (thread, n, r) -> {
                String hex = Ids.hex(run, thread, n);
                store.useTransaction(tx -> {
                    tx.insert(WorkloadTables.KERNELS, WorkloadTables.kernel("krn_" + hex, runSession, r));
                    tx.insert(WorkloadTables.INSIGHTS, WorkloadTables.insight("ins_" + hex, "krn_" + hex, r));
                    tx.insert(WorkloadTables.OUTCOMES, WorkloadTables.outcome("liout_" + hex, "ins_" + hex, "krn_" + hex, r));
                });
                out.println("ACK U " + hex + " END");
            }));
        }
        for (Thread th : threads) {
            th.join();
        }
    }

    interface Step {
        void write(int thread, int n, SplittableRandom r);
    }

    private static Thread writer(int thread, long seed, Step step) {
        Thread th = new Thread(() -> {
            SplittableRandom r = new SplittableRandom(seed * 31 + thread);
            try {
                for (int n = 0; ; n++) {
                    step.write(thread, n, r);
                }
            } catch (RuntimeException e) {
                // loud: the parent fails the test on any write error
                System.out.println("ERR " + e);
                e.printStackTrace();
                System.exit(1);
            }
        }, "writer-" + thread);
        th.start();
        return th;
    }

    /** Ids unique across runs, threads and writes. */
    static final class Ids {
        private Ids() {}

        static String hex(int run, int thread, int n) {
            return String.format("%04x%04x%08x", run, thread, n);
        }
    }
}
