package dev.basin.audit;

/**
 * Totals of a coverage report. In an audit (no catalog) every table counts as a feature table and none as a parent.
 * {@code columnsConstantExplained} counts columns whose only flag is CONSTANT with a declared reason.
 */
public record CoverageSummary(int featureTablesPopulated, int featureTablesTotal, int parentTablesPopulated,
        int parentTablesTotal, int columnsWithoutFlag, int columnsTotal, int columnsConstantExplained) {
    public int tablesPopulated() {
        return featureTablesPopulated + parentTablesPopulated;
    }

    public int tablesTotal() {
        return featureTablesTotal + parentTablesTotal;
    }
}
