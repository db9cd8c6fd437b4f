package dev.basin.safety;

import static dev.basin.store.ColumnType.BASIN;
import static dev.basin.store.ColumnType.BOOLEAN;
import static dev.basin.store.ColumnType.DOUBLE;
import static dev.basin.store.ColumnType.INTEGER;
import static dev.basin.store.ColumnType.JSONB;
import static dev.basin.store.ColumnType.TEXT;
import static dev.basin.store.ColumnType.TIMESTAMPTZ;

import dev.basin.store.Column;
import dev.basin.store.Table;
import java.util.List;

/**
 * The declarations of the three tables owned by {@code safety}, each with a change feed on {@link #CHANNEL}: every
 * write stamps its rows with the writing transaction's id and notifies the channel on commit, which is how every
 * process's {@link SafetySync} keeps its index in step. {@code updated_at} is not part of the row records: the
 * database fills it with {@code now()} on insert, and every update of {@link SafetyService} sets it to
 * {@code clock_timestamp()} through the update views ({@code *_UPDATES}: the same table with {@code updated_at}
 * declared, used only in {@code Update.of}), so it tells when a row last changed, in database time.
 */
public final class SafetyTables {
    /** Owner name declared for every table of this package. */
    public static final String OWNER = "safety";
    /** The notification channel of the three tables' change feed. */
    public static final String CHANNEL = "basin_safety";

    public static final Table<BarrierRow> BARRIERS = Table.<BarrierRow>named("geometric_barriers")
            .owner(OWNER).changeFeed(CHANNEL).key("barrier_id")
            .column("barrier_id", TEXT, BarrierRow::barrierId)
            .column("kernel_id", TEXT, BarrierRow::kernelId)
            .column("center_coordinates", BASIN, BarrierRow::center)
            .column("radius_fr", DOUBLE, BarrierRow::radius)
            .column("barrier_type", TEXT, r -> r.type().sqlName())
            .column("severity", DOUBLE, BarrierRow::severity)
            .column("reason", TEXT, BarrierRow::reason)
            .column("active", BOOLEAN, BarrierRow::active)
            .column("discovered_at", TIMESTAMPTZ, BarrierRow::discoveredAt)
            .column("deactivated_at", TIMESTAMPTZ, BarrierRow::deactivatedAt)
            .column("crossings_prevented", INTEGER, BarrierRow::crossingsPrevented)
            .column("metadata", JSONB, BarrierRow::metadata)
            .build();

    public static final Table<ExcludedRegionRow> REGIONS = Table.<ExcludedRegionRow>named("ocean_excluded_regions")
            .owner(OWNER).changeFeed(CHANNEL).key("region_id")
            .column("region_id", TEXT, ExcludedRegionRow::regionId)
            .column("agent_id", TEXT, ExcludedRegionRow::agentId)
            .column("center_coordinates", BASIN, ExcludedRegionRow::center)
            .column("radius_fr", DOUBLE, ExcludedRegionRow::radius)
            .column("exclusion_reason", TEXT, r -> r.reason().sqlName())
            .column("visits_without_gain", INTEGER, ExcludedRegionRow::visitsWithoutGain)
            .column("expires_at", TIMESTAMPTZ, ExcludedRegionRow::expiresAt)
            .column("active", BOOLEAN, ExcludedRegionRow::active)
            .column("created_at", TIMESTAMPTZ, ExcludedRegionRow::createdAt)
            .column("deactivated_at", TIMESTAMPTZ, ExcludedRegionRow::deactivatedAt)
            .column("metadata", JSONB, ExcludedRegionRow::metadata)
            .build();

    public static final Table<EraExclusionRow> ERAS = Table.<EraExclusionRow>named("era_exclusions")
            .owner(OWNER).changeFeed(CHANNEL).key("exclusion_id")
            .column("exclusion_id", TEXT, EraExclusionRow::exclusionId)
            .column("start_timestamp", TIMESTAMPTZ, EraExclusionRow::start)
            .column("end_timestamp", TIMESTAMPTZ, EraExclusionRow::end)
            .column("basin_center", BASIN, EraExclusionRow::center)
            .column("exclusion_radius", DOUBLE, EraExclusionRow::radius)
            .column("reason", TEXT, EraExclusionRow::reason)
            .column("active", BOOLEAN, EraExclusionRow::active)
            .column("created_at", TIMESTAMPTZ, EraExclusionRow::createdAt)
            .column("metadata", JSONB, EraExclusionRow::metadata)
            .constantBecause("active", "a state, not a measurement: an era exclusion is active until its window ends,"
                    + " and every era of a run may have ended (or none) when the report is read")
            .build();

    /** Update view of {@link #BARRIERS} (adds {@code updated_at}); never used for inserts. */
    public static final Table<BarrierRow> BARRIER_UPDATES = withUpdatedAt(BARRIERS);
    /** Update view of {@link #REGIONS}. */
    public static final Table<ExcludedRegionRow> REGION_UPDATES = withUpdatedAt(REGIONS);
    /** Update view of {@link #ERAS}. */
    public static final Table<EraExclusionRow> ERA_UPDATES = withUpdatedAt(ERAS);

    private SafetyTables() {}

    private static <R> Table<R> withUpdatedAt(Table<R> t) {
        Table.Builder<R> b = Table.<R>named(t.name()).owner(OWNER).changeFeed(t.changeFeed()).key(t.key());
        for (Column<R> c : t.columns()) {
            b.column(c.name(), c.type(), c.getter());
        }
        b.column("updated_at", TIMESTAMPTZ, r -> {
            throw new IllegalStateException("updated_at of " + t.name() + " is set by the database, not from a row");
        });
        return b.build();
    }

    /** Every table this package owns, for the catalog. */
    public static List<Table<?>> all() {
        return List.of(BARRIERS, REGIONS, ERAS);
    }
}
