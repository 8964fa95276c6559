package org.custodia.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded database's passwords: the superuser ({@code postgres}), the owning role and the application role.
 * Random, made on the first start and kept in {@code <data-dir>/db-passwords} (mode 600), one {@code role=password}
 * a line. Losing the file means losing access to the embedded database: back it up with the data.
 */
record DatabasePasswords(String superuser, String owner, String app) {
    static final String FILE = "db-passwords";

    static DatabasePasswords load(Path dataDir) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE);
        if (!Files.exists(file)) {
            DatabasePasswords p = new DatabasePasswords(SecretFiles.randomPassword(), SecretFiles.randomPassword(),
                    SecretFiles.randomPassword());
            SecretFiles.writeOwnerOnly(file, "postgres=" + p.superuser() + "\n" + DatabaseConfiguration.OWNER + "="
                    + p.owner() + "\n" + DatabaseConfiguration.APP + "=" + p.app() + "\n");
            return p;
        }
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!m.containsKey("postgres") || !m.containsKey(DatabaseConfiguration.OWNER)
                || !m.containsKey(DatabaseConfiguration.APP)) {
            throw new IllegalStateException(file + " does not hold the three database passwords");
        }
        return new DatabasePasswords(m.get("postgres"), m.get(DatabaseConfiguration.OWNER),
                m.get(DatabaseConfiguration.APP));
    }
}
