package org.custodia.platform;

import java.util.List;

/**
 * A module's tables that a take-on fills in bulk (the demo on a first start): while they are empty,
 * {@link TakeOnIndexes} builds their secondary indexes and checks their foreign keys once after the take-on instead
 * of row by row. Each module declares one bean of this kind, naming only tables it owns.
 */
public abstract class TakeOnTables {
    private final List<String> tables;

    protected TakeOnTables(String... tables) {
        this.tables = List.of(tables);
    }

    public List<String> tables() {
        return tables;
    }
}
