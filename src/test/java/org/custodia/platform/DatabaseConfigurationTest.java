package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class DatabaseConfigurationTest {
    @Test
    void withAServerUrlNothingEmbeddedStarts(@TempDir Path dir) throws Exception {
        DatabaseConfiguration.EmbeddedStart start = DatabaseConfiguration.embeddedStart();
        start.setEnvironment(new MockEnvironment()
                .withProperty("custodia.db.url", "jdbc:postgresql://db.example:5432/custodia")
                .withProperty("custodia.data-dir", dir.toString()));
        start.postProcessBeanFactory(new DefaultListableBeanFactory());
        DatabaseConfiguration.EmbeddedDatabase db = new DatabaseConfiguration().embeddedDatabase(start);
        assertThat(db).isSameAs(DatabaseConfiguration.EmbeddedDatabase.NONE);
        assertThat(db.postgres()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void generatedSecretsAreReadableByTheirOwnerOnly(@TempDir Path dir) throws Exception {
        Path f = SecretFiles.writeOwnerOnly(dir.resolve("sub").resolve("admin-password"), "s3cret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(Files.readString(f)).isEqualTo("s3cret\n");
        assertThat(SecretFiles.randomPassword()).hasSizeGreaterThanOrEqualTo(16)
                .isNotEqualTo(SecretFiles.randomPassword());
    }
}
