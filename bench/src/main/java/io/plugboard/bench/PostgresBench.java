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
 * measured in the same round; the SQLite host is measured in the same round for comparison. Then
 * both again as a backlog's drain (the receiver holds every request while the events are emitted):
 * the delivery rate alone, whether or not sending kept up with emitting; two instances as a ratio
 * to one.
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
            double[] drain1 = new double[rounds];
            double[] drain2 = new double[rounds];
            double[] emit1 = new double[rounds];
            double[] emit8 = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                raw8[i] = RawCeiling.run(receiver.url("/raw"), payload, events, DeliveryBench.IN_FLIGHT);
                sqlite[i] = DeliveryBench.throughput(receiver, events, 1).sustained();
                DeliveryBench.Rates one = onPostgres(serverUrl, receiver, events, 1, Watch.NONE);
                raw16[i] = RawCeiling.run(receiver.url("/raw16"), payload, events, 2 * DeliveryBench.IN_FLIGHT);
                DeliveryBench.Rates two = onPostgres(serverUrl, receiver, events, 2, Watch.NONE);
                drain1[i] = onPostgres(serverUrl, receiver, events, 1, Watch.DRAIN).sustained();
                drain2[i] = onPostgres(serverUrl, receiver, events, 2, Watch.DRAIN).sustained();
                emit1[i] = emitters(serverUrl, receiver, events, 1);
                emit8[i] = emitters(serverUrl, receiver, events, 8);
                System.out.printf("  round %d: PostgreSQL emit, 1 thread %s/s, 8 threads %s/s%n", i + 1,
                        DeliveryBench.fmt(emit1[i]), DeliveryBench.fmt(emit8[i]));
                pg1[i] = one.sustained();
                pg2[i] = two.sustained();
                // What "sustained" had left to measure: when sending keeps up with emitting, only a few deliveries.
                System.out.printf("  round %d: raw(8) %s, SQLite %s, PostgreSQL x1 %s (emitted at %s/s, %d left), "
                        + "raw(16) %s, PostgreSQL x2 %s (emitted at %s/s, %d left); drained: x1 %s, x2 %s%n", i + 1,
                        DeliveryBench.fmt(raw8[i]), DeliveryBench.fmt(sqlite[i]), DeliveryBench.fmt(pg1[i]),
                        DeliveryBench.fmt(one.emitted()), one.left(), DeliveryBench.fmt(raw16[i]),
                        DeliveryBench.fmt(pg2[i]), DeliveryBench.fmt(two.emitted()), two.left(),
                        DeliveryBench.fmt(drain1[i]), DeliveryBench.fmt(drain2[i]));
            }
            DeliveryBench.record("6a. raw ceiling, 8 in flight (HTTP only)", DeliveryBench.fmt(DeliveryBench.median(raw8))
                    + " req/s", "baseline", "");
            DeliveryBench.record("6b. SQLite, 1 instance, 1 webhook, sustained", rate(sqlite),
                    DeliveryBench.ratios(sqlite, raw8, "6a"), "");
            DeliveryBench.record("6c. PostgreSQL, 1 instance, 1 webhook, sustained", rate(pg1),
                    DeliveryBench.ratios(pg1, raw8, "6a"), "");
            DeliveryBench.record("6d. raw ceiling, 16 in flight (HTTP only)", DeliveryBench.fmt(DeliveryBench.median(raw16))
                    + " req/s", "baseline", "");
            DeliveryBench.record("6e. PostgreSQL, 2 instances, 1 webhook, sustained", rate(pg2),
                    DeliveryBench.ratios(pg2, raw16, "6d"), "");
            DeliveryBench.record("6f. PostgreSQL, 1 instance, backlog drained", rate(drain1),
                    DeliveryBench.ratios(drain1, raw8, "6a"), "");
            DeliveryBench.record("6g. PostgreSQL, 2 instances, backlog drained", rate(drain2),
                    DeliveryBench.ratios(drain2, drain1, "6f"), "");
            DeliveryBench.record("6h. PostgreSQL, in-process emit, 1 thread, 1 webhook",
                    DeliveryBench.fmt(DeliveryBench.median(emit1)) + " events/s", "baseline", "");
            DeliveryBench.record("6i. PostgreSQL, in-process emit, 8 threads, 1 webhook",
                    DeliveryBench.fmt(DeliveryBench.median(emit8)) + " events/s", DeliveryBench.ratios(emit8, emit1, "6h"),
                    (DeliveryBench.median(DeliveryBench.divide(emit8, emit1)) >= 10 ? "met" : "MISSED") + " (>= 10x 6h)");
        }
    }

    private static String rate(double[] rates) {
        return DeliveryBench.fmt(DeliveryBench.median(rates)) + " deliveries/s";
    }

    /**
     * Emits {@code events} through the first of {@code instances} hosts sharing a fresh schema. Its
     * sustained rate counts the deliveries after the last emit returned, per second; when the watch
     * asks to drain only, that is every delivery, from the receiver's release.
     */
    /** Told when the sustained part of a PostgreSQL run starts and ends (the probe measures in between). */
    interface Watch {
        Watch NONE = new Watch() {};
        Watch DRAIN = new Watch() {
            @Override
            public boolean drainOnly() {
                return true;
            }
        };

        default void sustainedStarts(String schemaUrl) {}

        default void sustainedEnds() {}

        /** True to hold the receiver while emitting, so that only draining the backlog is measured. */
        default boolean drainOnly() {
            return false;
        }
    }

    /** @return events/s stored by {@code threads} threads on a host on a fresh schema (EmitterBench's 10a/10b) */
    private static double emitters(String serverUrl, BenchReceiver receiver, int events, int threads) throws Exception {
        String schema = createSchema(serverUrl);
        try (Plugboard host = start(schemaUrl(serverUrl, schema) + "&ApplicationName=pb-emitters", false)) {
            return EmitterBench.emitRate(host, receiver, events, threads);
        } finally {
            dropSchema(serverUrl, schema);
        }
    }

    private static String createSchema(String serverUrl) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    private static String schemaUrl(String serverUrl, String schema) {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void dropSchema(String serverUrl, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static DeliveryBench.Rates onPostgres(String serverUrl, BenchReceiver receiver, int events, int instances,
                                          Watch watch) throws Exception {
        String schema = createSchema(serverUrl);
        String url = schemaUrl(serverUrl, schema);
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
            long start = System.nanoTime();
            try {
                for (int i = 0; i < events; i++) {
                    emitter.events().emitJson("bench", DeliveryBench.SAMPLE);
                }
            } finally {
                receiver.release();
            }
            long emittedAt = System.nanoTime();
            long deliveredByThen = receiver.count();
            watch.sustainedStarts(url);
            long done = receiver.awaitCount(events, 180_000);
            watch.sustainedEnds();
            return new DeliveryBench.Rates(events / ((done - start) / 1e9),
                    (events - deliveredByThen) / ((done - emittedAt) / 1e9), events / ((emittedAt - start) / 1e9),
                    events - deliveredByThen);
        } finally {
            hosts.forEach(Plugboard::close);
            dropSchema(serverUrl, schema);
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
