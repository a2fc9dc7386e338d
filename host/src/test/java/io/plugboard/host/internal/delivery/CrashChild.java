package io.plugboard.host.internal.delivery;

import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM for {@link TestCrashSafety}: starts a host on the given folders, subscribes a
 * webhook to {@code ping} at the given URL, then emits events as fast as it can, printing
 * {@code ACK <id>} once each emit has returned. The test kills it with SIGKILL mid-burst.
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) {
        Path plugins = Path.of(args[0]);
        Path data = Path.of(args[1]);
        String receiverUrl = args[2];
        int count = Integer.parseInt(args[3]);
        TestHost host = TestHost.start(plugins, data);
        host.createWebhook("Crash receiver", receiverUrl, "ping");
        System.out.println("READY");
        for (int i = 0; i < count; i++) {
            String id = host.host().events().emit("ping", Map.of("n", i));
            System.out.println("ACK " + id);
        }
        System.out.println("DONE");
        System.out.flush();
        // Stay alive (deliveries continue) until the test kills this process.
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
