package dev.basin.reliability;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BIGINT;
import static dev.basin.store.ColumnType.BOOLEAN;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TEXT_ARRAY;

import dev.basin.geometry.Basin;
import dev.basin.store.Table;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The reliability workload's view of four real tables of the schema (sessions, kernels, lightning_insights,
 * lightning_insight_outcomes), so the kill and outage tests write real rows under the real constraints and foreign
 * keys without depending on a feature's services. Test-only: never registered in a product catalog.
 */
final class WorkloadTables {
    static final String OWNER = "reliability";

    record SessionRow(String sessionId, long seed, Map<String, Object> config, String status,
            Map<String, Object> metadata) {}

    record KernelRow(String kernelId, String sessionId, String name, Basin basin, double phi, double kappa,
            double kappaEff, String regime, Map<String, Object> neurotransmitters, long rngState,
            Map<String, Object> metadata) {}

    record InsightRow(String insightId, String kernelId, List<String> domains, Basin basin, double confidence,
            String content) {}

    record OutcomeRow(String outcomeId, String insightId, String kernelId, String outcomeType, boolean success, double phiChange,
            double kappaChange, double learningValue) {}

    static final Table<SessionRow> SESSIONS = Table.<SessionRow>named("sessions").owner(OWNER).key("session_id")
            .column("session_id", TEXT, SessionRow::sessionId)
            .column("seed", BIGINT, SessionRow::seed)
            .column("config", JSONB, SessionRow::config)
            .column("status", TEXT, SessionRow::status)
            .column("metadata", JSONB, SessionRow::metadata)
            .build();

    static final Table<KernelRow> KERNELS = Table.<KernelRow>named("kernels").owner(OWNER).key("kernel_id")
            .column("kernel_id", TEXT, KernelRow::kernelId)
            .column("session_id", TEXT, KernelRow::sessionId)
            .column("name", TEXT, KernelRow::name)
            .column("generation", INTEGER, k -> 0)
            .column("status", TEXT, k -> "awake")
            .column("basin", BASIN, KernelRow::basin)
            .column("phi", DOUBLE, KernelRow::phi)
            .column("kappa", DOUBLE, KernelRow::kappa)
            .column("kappa_eff", DOUBLE, KernelRow::kappaEff)
            .column("regime", TEXT, KernelRow::regime)
            .column("neurotransmitters", JSONB, KernelRow::neurotransmitters)
            .column("rng_state", BIGINT, KernelRow::rngState)
            .column("metadata", JSONB, KernelRow::metadata)
            .build();

    static final Table<InsightRow> INSIGHTS = Table.<InsightRow>named("lightning_insights").owner(OWNER)
            .key("insight_id")
            .column("insight_id", TEXT, InsightRow::insightId)
            .column("kernel_id", TEXT, InsightRow::kernelId)
            .column("domains", TEXT_ARRAY, InsightRow::domains)
            .column("basin", BASIN, InsightRow::basin)
            .column("confidence", DOUBLE, InsightRow::confidence)
            .column("content", TEXT, InsightRow::content)
            .build();

    static final Table<OutcomeRow> OUTCOMES = Table.<OutcomeRow>named("lightning_insight_outcomes").owner(OWNER)
            .key("outcome_id")
            .column("outcome_id", TEXT, OutcomeRow::outcomeId)
            .column("insight_id", TEXT, OutcomeRow::insightId)
            .column("kernel_id", TEXT, OutcomeRow::kernelId)
            .column("outcome_type", TEXT, OutcomeRow::outcomeType)
            .column("success", BOOLEAN, OutcomeRow::success)
            .column("phi_change", DOUBLE, OutcomeRow::phiChange)
            .column("kappa_change", DOUBLE, OutcomeRow::kappaChange)
            .column("learning_value", DOUBLE, OutcomeRow::learningValue)
            .build();

    private WorkloadTables() {}

    /** A Dirichlet(1) basin from {@code r}. */
    static Basin randomBasin(SplittableRandom r) {
        double[] w = new double[Basin.DIM];
        for (int i = 0; i < w.length; i++) {
            w[i] = -Math.log(1 - r.nextDouble());
        }
        return Basin.normalize(w);
    }

    static SessionRow session(String id, SplittableRandom r) {
        return new SessionRow(id, r.nextLong(), Map.of("writer", "reliability", "threads", r.nextInt(1, 9)), "running",
                Map.of("purpose", "acknowledged-write probe", "nonce", r.nextLong()));
    }

    static KernelRow kernel(String id, String sessionId, SplittableRandom r) {
        double kappa = 40 + 40 * r.nextDouble();
        return new KernelRow(id, sessionId, "probe " + id, randomBasin(r), r.nextDouble(), kappa, kappa * 0.9,
                "geometric", Map.of("dopamine", r.nextDouble(), "serotonin", r.nextDouble()), r.nextLong(),
                Map.of("unit", "kernel+insight+outcome"));
    }

    static InsightRow insight(String id, String kernelId, SplittableRandom r) {
        return new InsightRow(id, kernelId, List.of("music", "oceanography"), randomBasin(r), r.nextDouble(),
                "probe insight " + id);
    }

    static OutcomeRow outcome(String id, String insightId, String kernelId, SplittableRandom r) {
        boolean ok = r.nextBoolean();
        return new OutcomeRow(id, insightId, kernelId, ok ? "validated" : "invalidated", ok, r.nextDouble() * 2 - 1,
                r.nextGaussian(), r.nextDouble());
    }
}
