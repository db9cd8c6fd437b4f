package dev.basin.attractors;

import dev.basin.store.Table;
import java.util.List;

/** The table the attractors feature owns, declared once. */
public final class AttractorTables {
    public static final Table<AttractorRow> ATTRACTORS = Table.of(AttractorRow.class, "learned_manifold_attractors")
            .owner("attractors").key("attractor_id")
            .rename("basin", "basin_coordinates")
            .rename("type", "attractor_type")
            .build();

    private AttractorTables() {}

    public static List<Table<?>> all() {
        return List.of(ATTRACTORS);
    }
}
