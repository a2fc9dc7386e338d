package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three host instances in separate JVMs on one PostgreSQL database deliver a burst of events to two
 * webhooks; one instance is killed with SIGKILL mid-burst. Every event whose emit returned reaches
 * both receivers; an event reaches a receiver twice only when the killed instance had sent it
 * without recording the outcome (an attempt in flight at the kill), never because two live
 * instances sent it. Skipped, loudly, without a PostgreSQL server.
 */
class TestMultiInstance {

    private static final int EVENTS_PER_INSTANCE = 400;
    private static final int KILL_AFTER_ACKS = 150;
    private static final String VICTIM = "node-3";

    @Test
    void aKilledInstancesDeliveriesAreTakenOverAndNothingIsLost() throws Exception {
        String db = TestDatabases.freshSchema();
        List<Process> children = new ArrayList<>();
        Set<String> acked = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> ackedBy = new ConcurrentHashMap<>();
        try (Receiver r1 = new Receiver().script(r -> new Receiver.Reply(200, "", Map.of(), 15));
             Receiver r2 = new Receiver().script(r -> new Receiver.Reply(200, "", Map.of(), 15))) {
            List<String> urls = new ArrayList<>();
            CountDownLatch victimReady = new CountDownLatch(1);
            for (String id : List.of("node-1", "node-2", VICTIM)) {
                File log = File.createTempFile("plugboard-" + id, ".log");
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        "-D" + TestDatabases.URL_PROPERTY + "=" + TestDatabases.postgresUrl(),
                        InstanceChild.class.getName(), db, id)
                        .redirectError(log).start();
                children.add(p);
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String ready = out.readLine();
                assertThat(ready).as("instance %s started (log: %s)", id, log).startsWith("READY ");
                urls.add(ready.substring(6));
                AtomicInteger count = ackedBy.computeIfAbsent(id, k -> new AtomicInteger());
                Thread reader = new Thread(() -> readAcks(out, acked, count, id.equals(VICTIM) ? victimReady : null));
                reader.setDaemon(true);
                reader.start();
            }
            Http admin = Http.authenticated(urls.get(0), TestHost.ADMIN, TestHost.PASSWORD);
            Map<String, String> webhookOf = new HashMap<>();
            for (Receiver r : List.of(r1, r2)) {
                Http.Response created = admin.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Receiver",
                        "url", r.url("/multi"), "events", List.of("ping"))));
                assertThat(created.status()).isEqualTo(201);
                webhookOf.put(r.url("/multi"), created.json().get("id").asText());
            }

            for (Process p : children) {
                OutputStream in = p.getOutputStream();
                in.write(("EMIT " + EVENTS_PER_INSTANCE + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            assertThat(victimReady.await(120, TimeUnit.SECONDS)).as("the victim acknowledged events").isTrue();
            Process victim = children.get(2);
            victim.destroyForcibly();
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Set<String> heldByVictim = heldAtKill(db);
            int heldAtKill = heldByVictim.size();
            int victimAcks = ackedBy.get(VICTIM).get();

            // The survivors finish their bursts; then everything acknowledged must arrive at both receivers.
            try {
                Await.until("every acknowledged event at both receivers", Duration.ofSeconds(180), () ->
                        ids(r1).keySet().containsAll(acked) && ids(r2).keySet().containsAll(acked)
                        && ackedBy.get("node-1").get() == EVENTS_PER_INSTANCE
                        && ackedBy.get("node-2").get() == EVENTS_PER_INSTANCE);
            } catch (AssertionError notAll) {
                // The checks below say exactly what is missing.
            }
            // Holding still on purpose: late duplicates, if any, would arrive now, and nothing announces them.
            Thread.sleep(1000);
            int inFlightAtKill = 0;
            int afterFailedAttempt = 0;
            int sentTwiceByLiveInstances = 0;
            for (Receiver r : List.of(r1, r2)) {
                Map<String, Long> seen = ids(r);
                Set<String> missing = acked.stream().filter(id -> !seen.containsKey(id)).collect(Collectors.toSet());
                assertThat(missing).as("acknowledged events never delivered to %s", r.url("/multi")).isEmpty();
                for (Map.Entry<String, Long> e : seen.entrySet()) {
                    if (e.getValue() == 1) {
                        continue;
                    }
                    String attempts = "SELECT COUNT(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id "
                            + "WHERE d.event_id = ? AND d.webhook_id = ? AND a.success = ?";
                    String webhook = webhookOf.get(r.url("/multi"));
                    long succeeded = count(db, attempts, e.getKey(), webhook, "true");
                    long failed = count(db, attempts, e.getKey(), webhook, "false");
                    if (succeeded > 1) {
                        sentTwiceByLiveInstances++;
                    } else if (failed > 0) {
                        // A request that timed out on this loaded machine and was retried: at least once, by design.
                        afterFailedAttempt += e.getValue() - 1;
                    } else {
                        // One recorded send; the other was never recorded: the killed instance's, sent
                        // or answered but not yet committed (outcomes are committed in batches, so
                        // these may outnumber the HTTP requests open at the kill). It must be one the
                        // killed instance held.
                        assertThat(heldByVictim).as("a duplicate of a delivery the killed instance did not hold")
                                .contains(e.getKey() + " " + webhook);
                        inFlightAtKill += e.getValue() - 1;
                    }
                }
            }
            System.out.printf("%nTestMultiInstance: %d events acknowledged (the killed instance %s acknowledged %d), "
                            + "2 webhooks; %d deliveries claimed by %s at the kill were taken over; duplicate requests "
                            + "at the receivers: %d from attempts in flight at the kill, %d retries after a timed-out "
                            + "attempt, %d sent twice by live instances%n%n",
                    acked.size(), VICTIM, victimAcks, heldAtKill, VICTIM, inFlightAtKill,
                    afterFailedAttempt, sentTwiceByLiveInstances);
            assertThat(heldAtKill).as("the kill must leave claimed deliveries behind, or this proves nothing")
                    .isPositive();
            assertThat(sentTwiceByLiveInstances).as("deliveries sent and recorded as succeeded twice").isZero();
            assertThat(inFlightAtKill).isLessThanOrEqualTo(heldAtKill);
            assertThat(acked.size()).isGreaterThanOrEqualTo(2 * EVENTS_PER_INSTANCE + KILL_AFTER_ACKS);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static void readAcks(BufferedReader out, Set<String> acked, AtomicInteger count, CountDownLatch victimReady) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(line.substring(4));
                    if (count.incrementAndGet() >= KILL_AFTER_ACKS && victimReady != null) {
                        victimReady.countDown();
                    }
                }
            }
        } catch (java.io.IOException ended) {
            // the child was killed
        }
    }

    private static Map<String, Long> ids(Receiver r) {
        return r.all().stream().collect(Collectors.groupingBy(q -> q.header("webhook-id"), Collectors.counting()));
    }

    /** "event_id webhook_id" of each delivery the killed instance still held. */
    private static Set<String> heldAtKill(String db) throws Exception {
        Set<String> held = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection(db); PreparedStatement s = c.prepareStatement(
                "SELECT event_id, webhook_id FROM deliveries WHERE lease_owner = ? AND status = 'pending'")) {
            s.setString(1, VICTIM);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return held;
    }

    private static long count(String db, String sql, String... params) throws Exception {
        try (Connection c = DriverManager.getConnection(db); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i].equals("true") || params[i].equals("false")) {
                    s.setBoolean(i + 1, Boolean.parseBoolean(params[i]));
                } else {
                    s.setString(i + 1, params[i]);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
