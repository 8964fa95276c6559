package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodia.platform.TakeOnTables;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A module lets a take-on drop and rebuild the indexes of its own tables only (V38). */
class TakeOnTablesOwnershipTest extends ServiceTest {
    @Autowired
    List<TakeOnTables> declared;

    @Test
    void eachModuleNamesOnlyTablesItOwns() {
        assertThat(declared).isNotEmpty();
        for (TakeOnTables t : declared) {
            String module = t.getClass().getPackageName().split("\\.")[2];
            assertThat(ModuleDataOwnershipTest.OWNED.get(module)).as(module).containsAll(t.tables());
        }
    }
}
