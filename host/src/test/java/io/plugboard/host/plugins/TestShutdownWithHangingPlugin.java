package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.TestHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops a host (in a child JVM) while a plugin's {@code start()} hangs, within the delivery
 * drain time plus a few seconds, instead of waiting for the plugin's lock forever.
 */
class TestShutdownWithHangingPlugin {

    @Test
    void sigtermStopsTheHostWhileAPluginStartHangs() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HangingStartChild.class.getName(),
                plugins.toString(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            awaitLine(out, "READY", lines);
            HostilePlugins.hangingStart("sleeper").writeTo(plugins); // the folder watcher deploys it
            awaitLine(out, "HANGING sleeper", lines);

            child.toHandle().destroy(); // SIGTERM, leaving the output readable
            boolean exited = child.waitFor(TestHost.FAST.drainTimeout().toSeconds() + 15, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            assertThat(exited).as("the host stops within the drain time plus a few seconds").isTrue();
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
            assertThat(lines).as("the shutdown hook closed the host").contains("CLOSED");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void awaitLine(BufferedReader out, String wanted, List<String> lines) throws Exception {
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError("the child ended before printing " + wanted + ": " + lines);
    }
}
