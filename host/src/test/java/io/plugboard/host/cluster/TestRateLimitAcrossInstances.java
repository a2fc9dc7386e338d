package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Two instances in one JVM on one PostgreSQL database take from one token bucket per webhook
 * ({@code rate_buckets}): together they stay within the webhook's rate, give or take the bucket's
 * burst, as one instance does. Skipped, loudly, without a PostgreSQL server.
 */
class TestRateLimitAcrossInstances {

    @Test
    void twoInstancesTogetherStayWithinTheRate() throws Exception {
        String db = TestDatabases.freshSchema();
        List<Long> arrivals = new ArrayList<>();
        Set<String> holders = ConcurrentHashMap.newKeySet();
        try (Receiver receiver = new Receiver().script(r -> {
                 synchronized (arrivals) {
                     arrivals.add(System.nanoTime());
                 }
                 return Receiver.Reply.of(200);
             });
             TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST)) {
            Http.Response created = a.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Shared limit",
                    "url", receiver.url("/shared"), "events", List.of("ping"), "rate_limit", 5)));
            assertThat(created.status()).isEqualTo(201);
            for (int i = 0; i < 40; i++) {
                (i % 2 == 0 ? a : b).host().events().emit("ping", Map.of("n", i));
            }
            // Each instance claims a bucket's worth at a time: both hold some while the queue drains.
            Await.until("40 requests arrived", Duration.ofSeconds(120), () -> {
                holders.addAll(leaseOwners(a));
                return receiver.all().size() >= 40;
            });
            assertThat(holders).as("instances that claimed deliveries of the webhook").containsExactlyInAnyOrder("node-a", "node-b");
            List<Long> times;
            synchronized (arrivals) {
                times = List.copyOf(arrivals);
            }
            // One bucket: the burst (5) + 5 per second in any second, and 3 more for a loaded machine.
            // Two buckets, one per instance, would allow twice that (20).
            assertThat(mostWithinOneSecond(times)).as("arrivals in any 1-second window, both instances").isLessThanOrEqualTo(13);
            // 35 after the burst at 5 per second take 7 s; 5.6 s allows for timer granularity.
            assertThat((times.get(39) - times.get(4)) / 1_000_000).as("ms from the 5th to the 40th arrival")
                    .isGreaterThanOrEqualTo(5600);
        }
    }

    private static Set<String> leaseOwners(TestHost host) {
        try (Connection c = host.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT lease_owner FROM deliveries "
                     + "WHERE lease_owner IS NOT NULL")) {
            Set<String> owners = new java.util.HashSet<>();
            while (rs.next()) {
                owners.add(rs.getString(1));
            }
            return owners;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static int mostWithinOneSecond(List<Long> nanos) {
        int most = 0;
        for (int i = 0; i < nanos.size(); i++) {
            int j = i;
            while (j < nanos.size() && nanos.get(j) - nanos.get(i) < 1_000_000_000L) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }
}
