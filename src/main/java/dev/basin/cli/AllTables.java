package dev.basin.cli;

import dev.basin.BasinEngine;
import dev.basin.store.Table;
import java.util.List;

/**
 * Every table declaration of the product, in one visible place: the catalog the coverage report reads owners and
 * parent flags from. Feature packages declare their tables; this list only gathers them.
 */
public final class AllTables {
    private AllTables() {}

    /** The 4 parent and 20 feature table declarations. */
    public static List<Table<?>> list() {
        return BasinEngine.tables();
    }
}
