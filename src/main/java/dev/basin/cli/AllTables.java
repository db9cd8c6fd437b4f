package dev.basin.cli;

import dev.basin.attractors.AttractorTables;
import dev.basin.kernel.KernelTables;
import dev.basin.knowledge.KnowledgeTables;
import dev.basin.navigation.NavigationTables;
import dev.basin.rag.RagTables;
import dev.basin.safety.SafetyTables;
import dev.basin.store.Table;
import dev.basin.tools.ToolsTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Every table declaration of the product, in one visible place: the catalog the coverage report reads owners and
 * parent flags from. Feature packages declare their tables; this list only gathers them.
 */
public final class AllTables {
    private AllTables() {}

    /** The 4 parent and 20 feature table declarations. */
    public static List<Table<?>> list() {
        List<Table<?>> all = new ArrayList<>();
        all.addAll(KernelTables.all());
        all.addAll(NavigationTables.all());
        all.addAll(AttractorTables.all());
        all.addAll(SafetyTables.all());
        all.addAll(KnowledgeTables.all());
        all.addAll(ToolsTables.all());
        all.addAll(RagTables.all());
        return List.copyOf(all);
    }
}
