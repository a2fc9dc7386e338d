package io.plugboard.host.cluster;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.testing.TestHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs in a child JVM for {@link TestMultiInstance}: one host instance on the given PostgreSQL
 * database. Prints {@code READY <base url>}, then on {@code EMIT <n>} (stdin) emits n {@code ping}
 * events, printing {@code ACK <id>} once each emit has returned. The test may kill it with SIGKILL.
 */
public final class InstanceChild {

    /** Short claims so a killed instance's deliveries are taken over within seconds. */
    static final DeliverySettings SETTINGS = TestHost.FAST.toBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .requestTimeout(Duration.ofSeconds(2))
            .leaseDuration(Duration.ofSeconds(6))
            .build();

    private InstanceChild() {}

    public static void main(String[] args) throws Exception {
        String databaseUrl = args[0];
        String instanceId = args[1];
        TestHost host = TestHost.onPostgres(databaseUrl, instanceId, TestHost.tempDir("plugins"), SETTINGS);
        System.out.println("READY " + host.host().baseUrl());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("EMIT ")) {
                int n = Integer.parseInt(line.substring(5).strip());
                for (int i = 0; i < n; i++) {
                    String id = host.host().events().emit("ping", Map.of("n", i, "from", instanceId));
                    System.out.println("ACK " + id);
                }
                System.out.println("DONE");
                System.out.flush();
            }
        }
        host.close();
    }
}
