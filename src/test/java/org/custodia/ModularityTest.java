package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {
    static final ApplicationModules MODULES = ApplicationModules.of(CustodiaApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    /** The module diagrams and canvases are written from the code at every build, so they cannot drift. */
    @Test
    void moduleDocumentationIsWrittenFromTheCode() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeDocumentation();

        assertThat(Path.of("target/modules/components.puml")).exists();
        assertThat(Files.exists(Path.of("target/modules/module-housing.adoc"))).isTrue();
    }
}
