package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import io.plugboard.sdk.EventType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL run: deliveries/s to one webhook with the host on PostgreSQL, first one instance,
 * then two instances sharing the database and the queue (two hosts in this JVM, each claiming its
 * own deliveries), each as a ratio to the raw ceiling with the same number of requests in flight,
 * measured in the same round; the SQLite host is measured in the same round for comparison.
 */
final class PostgresBench {

    private PostgresBench() {}

    static void run(String serverUrl, int events, int rounds) throws Exception {
        try (BenchReceiver receiver = new BenchReceiver(16)) {
            byte[] payload = DeliveryBench.envelopeBytes();
            RawCeiling.run(receiver.url("/warmup"), payload, 2_000, DeliveryBench.IN_FLIGHT);
            double[] raw8 = new double[rounds];
            double[] raw16 = new double[rounds];
            double[] sqlite = new double[rounds];
            double[] pg1 = new double[rounds];
            double[] pg2 = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                raw8[i] = RawCeiling.run(receiver.url("/raw"), payload, events, DeliveryBench.IN_FLIGHT);
                sqlite[i] = DeliveryBench.throughput(receiver, events, 1).sustained();
                pg1[i] = onPostgres(serverUrl, receiver, events, 1);
                raw16[i] = RawCeiling.run(receiver.url("/raw16"), payload, events, 2 * DeliveryBench.IN_FLIGHT);
                pg2[i] = onPostgres(serverUrl, receiver, events, 2);
                System.out.printf("  round %d: raw(8) %s, SQLite %s, PostgreSQL x1 %s, raw(16) %s, PostgreSQL x2 %s%n",
                        i + 1, DeliveryBench.fmt(raw8[i]), DeliveryBench.fmt(sqlite[i]), DeliveryBench.fmt(pg1[i]),
                        DeliveryBench.fmt(raw16[i]), DeliveryBench.fmt(pg2[i]));
            }
            DeliveryBench.record("6a. raw ceiling, 8 in flight (HTTP only)", DeliveryBench.fmt(DeliveryBench.median(raw8))
                    + " req/s", "baseline", "");
            DeliveryBench.record("6b. SQLite, 1 instance, 1 webhook, sustained", rate(sqlite),
                    ratios(sqlite, raw8, "6a"), "");
            DeliveryBench.record("6c. PostgreSQL, 1 instance, 1 webhook, sustained", rate(pg1),
                    ratios(pg1, raw8, "6a"), "");
            DeliveryBench.record("6d. raw ceiling, 16 in flight (HTTP only)", DeliveryBench.fmt(DeliveryBench.median(raw16))
                    + " req/s", "baseline", "");
            DeliveryBench.record("6e. PostgreSQL, 2 instances, 1 webhook, sustained", rate(pg2),
                    ratios(pg2, raw16, "6d"), "");
        }
    }

    private static String rate(double[] rates) {
        return DeliveryBench.fmt(DeliveryBench.median(rates)) + " deliveries/s";
    }

    private static String ratios(double[] rates, double[] baseline, String name) {
        double[] r = new double[rates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rates[i] / baseline[i];
        }
        return DeliveryBench.pct(DeliveryBench.median(r)) + " of " + name + " " + DeliveryBench.pcts(r);
    }

    /**
     * Emits {@code events} through the first of {@code instances} hosts sharing a fresh schema and
     * returns the sustained rate: deliveries after the last emit returned, per second.
     */
    static double onPostgres(String serverUrl, BenchReceiver receiver, int events, int instances)
            throws Exception {
        return onPostgres(serverUrl, receiver, events, instances, Watch.NONE);
    }

    /** Told when the sustained part of a PostgreSQL run starts and ends (the probe measures in between). */
    interface Watch {
        Watch NONE = new Watch() {};

        default void sustainedStarts(String schemaUrl) {}

        default void sustainedEnds() {}

        /** True to hold the receiver while emitting, so that only draining the backlog is measured. */
        default boolean drainOnly() {
            return false;
        }
    }

    static double onPostgres(String serverUrl, BenchReceiver receiver, int events, int instances, Watch watch)
            throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<Plugboard> hosts = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                // Named per instance, so pg_stat_activity and the probe can tell them apart.
                hosts.add(start(url + "&ApplicationName=pb-" + (i + 1), watch.drainOnly()));
            }
            DeliveryBench.createWebhook(hosts.get(0), "bench", receiver.url("/pg"));
            receiver.reset();
            Plugboard emitter = hosts.get(0);
            if (watch.drainOnly()) {
                receiver.hold();
            }
            for (int i = 0; i < events; i++) {
                emitter.events().emitJson("bench", DeliveryBench.SAMPLE);
            }
            receiver.release();
            long emittedAt = System.nanoTime();
            long deliveredByThen = receiver.count();
            watch.sustainedStarts(url);
            long done = receiver.awaitCount(events, 180_000);
            watch.sustainedEnds();
            return (events - deliveredByThen) / ((done - emittedAt) / 1e9);
        } finally {
            hosts.forEach(Plugboard::close);
            try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** @param holding requests may wait for the receiver's release: allow them two minutes */
    private static Plugboard start(String url, boolean holding) throws Exception {
        DeliverySettings.Builder settings = DeliverySettings.defaults().toBuilder();
        if (holding) {
            settings.requestTimeout(Duration.ofMinutes(2));
        }
        return Plugboard.builder()
                .pluginsDir(Files.createTempDirectory("bench-plugins"))
                .dataDir(Files.createTempDirectory("bench-data"))
                .database(url, null, null)
                .port(0)
                .eventType(EventType.builder("bench").name("Bench").sample(DeliveryBench.SAMPLE).build())
                .allowPrivateTargets(true)
                .adminUser(DeliveryBench.ADMIN, DeliveryBench.PASSWORD)
                .delivery(settings.maxInFlightPerWebhook(DeliveryBench.IN_FLIGHT)
                        .retrySchedule(List.of(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1)))
                        .build())
                .build()
                .start();
    }
}
