package org.custodia.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running by a Custodia process that died without stopping it (SIGKILL, a power cut of
 * the JVM only): found through its {@code postmaster.pid}, stopped cleanly (SIGTERM, a smart shutdown; its
 * sessions died with the process), so that the next start works the first time. A server whose data directory
 * lock ({@code epg-lock}, held by the process that started it) is still held belongs to a running Custodia: never
 * touched, and the start is refused. (Its parent tells nothing: {@code pg_ctl} detaches it from the start.)
 */
final class OrphanedServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    static void stopIfOrphaned(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresOn(p, pgDir));
        if (server.isEmpty()) {
            return; // a stale pid file: PostgreSQL itself recovers from it
        }
        ProcessHandle pg = server.get();
        if (lockedByALiveProcess(pgDir.resolve("epg-lock"))) {
            throw new IllegalStateException("The database in " + pgDir + " is in use by another running Custodia; "
                    + "stop it first");
        }
        LOG.warn("Stopping the embedded PostgreSQL (process {}) left running by a Custodia that did not shut down",
                pg.pid());
        pg.destroy();
        try {
            if (!pg.onExit().get(60, TimeUnit.SECONDS).isAlive()) {
                return;
            }
        } catch (Exception e) {
            // fall through: it did not stop in time
        }
        LOG.warn("PostgreSQL did not stop in 60 s; killing it (it recovers from its write-ahead log at start)");
        pg.destroyForcibly();
        pg.onExit().join();
    }

    private static boolean lockedByALiveProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it
        }
    }

    private static boolean isPostgresOn(ProcessHandle p, Path pgDir) {
        ProcessHandle.Info info = p.info();
        boolean postgres = info.command().map(c -> c.endsWith("postgres")).orElse(false);
        boolean ourDir = info.arguments().map(a -> Arrays.asList(a).contains(pgDir.toString())).orElse(false);
        return postgres && ourDir;
    }
}
