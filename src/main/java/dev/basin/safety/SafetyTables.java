package dev.basin.safety;

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

    public static final Table<BarrierRow> BARRIERS = Table.of(BarrierRow.class, "geometric_barriers")
            .owner(OWNER).changeFeed(CHANNEL).key("barrier_id")
            .rename("center", "center_coordinates")
            .rename("radius", "radius_fr")
            .rename("type", "barrier_type")
            .build();

    public static final Table<ExcludedRegionRow> REGIONS = Table.of(ExcludedRegionRow.class, "ocean_excluded_regions")
            .owner(OWNER).changeFeed(CHANNEL).key("region_id")
            .rename("center", "center_coordinates")
            .rename("radius", "radius_fr")
            .rename("reason", "exclusion_reason")
            .build();

    public static final Table<EraExclusionRow> ERAS = Table.of(EraExclusionRow.class, "era_exclusions")
            .owner(OWNER).changeFeed(CHANNEL).key("exclusion_id")
            .rename("start", "start_timestamp")
            .rename("end", "end_timestamp")
            .rename("center", "basin_center")
            .rename("radius", "exclusion_radius")
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
