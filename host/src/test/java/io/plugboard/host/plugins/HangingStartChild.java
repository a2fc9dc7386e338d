package io.plugboard.host.plugins;

import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs in a child JVM for {@link TestShutdownWithHangingPlugin}: starts a host on the given folders
 * (a plugin may take 60 s to start), closes it from a shutdown hook as an embedding application
 * does, prints {@code READY}, and {@code CLOSED} once the hook has closed the host.
 */
public final class HangingStartChild {

    private HangingStartChild() {}

    public static void main(String[] args) throws InterruptedException {
        TestHost host = TestHost.start(Path.of(args[0]), Path.of(args[1]),
                b -> b.pluginTimeLimits(Duration.ofSeconds(60), Duration.ofSeconds(5)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            System.out.println("CLOSED");
            System.out.flush();
        }, "test-shutdown"));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
