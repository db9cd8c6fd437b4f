package dev.basin.api;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.basin.store.CommitListener;
import dev.basin.store.DatabaseProbe;
import dev.basin.store.Store;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Store and pool meters: commits and operations through the write path (their ratio is the mean group-commit batch
 * size), histograms of the batch size and of the COMMIT latency of every transaction, connection-pool usage from Hikari, and rows written and live per table from PostgreSQL's own statistics
 * ({@code pg_stat_user_tables}, read through the store's {@link DatabaseProbe}), refreshed at most once a second on scrape.
 */
final class StoreMetrics {
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final Store store;
    private final DatabaseProbe probe;
    private CommitListener listener;
    private volatile Map<String, long[]> tableStats = Map.of();
    private volatile long refreshedAt;

    StoreMetrics(Store store) {
        this.store = store;
        this.probe = new DatabaseProbe(store);
    }

    /** Records into {@code registry} until {@link #unbind()}. */
    void bind(MeterRegistry registry) {
        DistributionSummary batch = DistributionSummary.builder("basin.store.batch.size")
                .description("write operations per committed transaction (group commit batch size)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512).register(registry);
        Timer commit = Timer.builder("basin.store.commit")
                .description("latency of COMMIT (the durable flush) per transaction of the write path")
                .serviceLevelObjectives(Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(250), Duration.ofSeconds(1))
                .register(registry);
        listener = (operations, nanos) -> {
            batch.record(operations);
            commit.record(nanos, TimeUnit.NANOSECONDS);
        };
        store.addCommitListener(listener);
        FunctionCounter.builder("basin.store.commits", store, s -> s.writeStats().commits())
                .description("transactions committed by the store's write path").register(registry);
        FunctionCounter.builder("basin.store.operations", store, s -> s.writeStats().operations())
                .description("write operations committed (commits x mean batch size)").register(registry);
        if (store.dataSource() instanceof HikariDataSource hikari) {
            pool(registry, "active", hikari, HikariPoolMXBean::getActiveConnections);
            pool(registry, "idle", hikari, HikariPoolMXBean::getIdleConnections);
            pool(registry, "total", hikari, HikariPoolMXBean::getTotalConnections);
            pool(registry, "pending", hikari, HikariPoolMXBean::getThreadsAwaitingConnection);
            Gauge.builder("basin.pool.connections.max", hikari, h -> h.getMaximumPoolSize()).register(registry);
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        store.tables().forEach(t -> names.add(t.name()));
        names.addAll(probe.tableNames());
        for (String name : names) {
            FunctionCounter.builder("basin.table.rows.inserted", this, m -> m.stat(name, 0))
                    .tag("table", name).description("rows inserted (pg_stat_user_tables.n_tup_ins)").register(registry);
            Gauge.builder("basin.table.rows.live", this, m -> m.stat(name, 1))
                    .tag("table", name).description("live rows (pg_stat_user_tables.n_live_tup)").register(registry);
        }
    }

    /** Stops recording commits (the server closed; the store may live on). */
    void unbind() {
        if (listener != null) {
            store.removeCommitListener(listener);
        }
    }

    private static void pool(MeterRegistry registry, String state, HikariDataSource ds, ToDoubleFunction<HikariPoolMXBean> f) {
        Gauge.builder("basin.pool.connections", ds, d -> {
            HikariPoolMXBean bean = d.getHikariPoolMXBean();
            return bean == null ? Double.NaN : f.applyAsDouble(bean);
        }).tag("state", state).register(registry);
    }

    private double stat(String table, int which) {
        long now = System.nanoTime();
        if (now - refreshedAt > REFRESH_NANOS) {
            refresh();
            refreshedAt = now;
        }
        long[] v = tableStats.get(table);
        return v == null ? 0 : v[which];
    }

    private synchronized void refresh() {
        try {
            Map<String, long[]> m = new ConcurrentHashMap<>();
            probe.activity().forEach((table, a) -> m.put(table, new long[] {a.inserted(), a.live()}));
            tableStats = m;
        } catch (RuntimeException e) {
            // Keep the last figures: a scrape must not fail while the database is away; /health reports that.
            tableStats = Map.copyOf(tableStats);
        }
    }
}
