package dev.basin.attractors;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Table;
import java.util.List;

/** The table the attractors feature owns, declared once. */
public final class AttractorTables {
    public static final Table<AttractorRow> ATTRACTORS = Table.<AttractorRow>named("learned_manifold_attractors")
            .owner("attractors").key("attractor_id")
            .column("attractor_id", TEXT, AttractorRow::attractorId)
            .column("kernel_id", TEXT, AttractorRow::kernelId)
            .column("basin_coordinates", BASIN, AttractorRow::basin)
            .column("attractor_type", TEXT, r -> r.type().sqlName())
            .column("stability_metric", DOUBLE, AttractorRow::stabilityMetric)
            .column("basin_volume", DOUBLE, AttractorRow::basinVolume)
            .column("potential_value", DOUBLE, AttractorRow::potentialValue)
            .column("discovery_method", TEXT, r -> r.discoveryMethod().sqlName())
            .column("phi_value", DOUBLE, AttractorRow::phiValue)
            .column("kappa_value", DOUBLE, AttractorRow::kappaValue)
            .column("times_visited", INTEGER, AttractorRow::timesVisited)
            .column("discovered_at", TIMESTAMPTZ, AttractorRow::discoveredAt)
            .column("last_visited_at", TIMESTAMPTZ, AttractorRow::lastVisitedAt)
            .column("metadata", JSONB, AttractorRow::metadata)
            .build();

    private AttractorTables() {}

    public static List<Table<?>> all() {
        return List.of(ATTRACTORS);
    }
}
