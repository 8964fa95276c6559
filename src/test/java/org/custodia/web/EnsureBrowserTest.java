package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step that provides the browser on a fresh machine ({@code bin/ensure-browser}), run against stub
 * commands: it installs Debian's packages when it may, stops the build with the one command to run when it may not,
 * and does nothing when they are there.
 */
class EnsureBrowserTest {
    static final Path SCRIPT = Path.of("bin/ensure-browser").toAbsolutePath();

    @TempDir
    Path bin;

    record Run(int exit, String output) {
    }

    void stub(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The script with only the stubs on the PATH (the real chromium of this machine is not seen). */
    Run run() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.toString()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    void aptGetThatInstalls() throws IOException {
        stub("apt-get", "echo \"$@\" >> " + bin.resolve("apt.log") + "\n"
                + "if [ \"$1\" = install ]; then for c in chromium chromedriver; do "
                + "printf '#!/bin/bash\\n' > " + bin + "/$c; /bin/chmod +x " + bin + "/$c; done; fi");
    }

    @Test
    void doesNothingWhenTheBrowserIsThere() throws Exception {
        stub("chromium", "");
        stub("chromedriver", "");
        stub("apt-get", "exit 99");

        assertThat(run().exit()).isZero();
    }

    @Test
    void installsDebiansPackagesAsRoot() throws Exception {
        stub("id", "echo 0");
        aptGetThatInstalls();

        Run r = run();

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readString(bin.resolve("apt.log"))).contains("install -y -qq chromium chromium-driver");
    }

    @Test
    void stopsTheBuildWithTheCommandToRunWhenItMayNotInstall() throws Exception {
        stub("id", "echo 1000");
        aptGetThatInstalls();

        Run r = run();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("sudo apt-get install -y chromium chromium-driver");
        assertThat(bin.resolve("apt.log")).doesNotExist();
    }

    @Test
    void usesSudoWhenItNeedsNoPassword() throws Exception {
        stub("id", "echo 1000");
        stub("sudo", "if [ \"$1\" = -n ]; then shift; fi; \"$@\"");
        aptGetThatInstalls();

        Run r = run();

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(Files.readString(bin.resolve("apt.log"))).contains("install -y -qq chromium chromium-driver");
    }
}
