package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.sdk.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The delivery engine's benchmark. Every number is paired with a baseline measured in the same run,
 * because the machines are shared and noisy: compare ratios, not absolute rates.
 *
 * <pre>java -jar bench/target/plugboard-bench.jar [--only=PARTS] [events] [rounds]
 * java -jar bench/target/plugboard-bench.jar --postgres=jdbc:postgresql://127.0.0.1:5432/test?user=postgres [events] [rounds]</pre>
 *
 * <p>With {@code --postgres=URL} only the PostgreSQL run ({@link PostgresBench}) is made; with
 * {@code --postgres-probe=URL} only the PostgreSQL probe ({@link PgProbe}). {@code --only} takes a
 * comma-separated list of throughput, latency, isolation, inbound, formats, tracing, rest, emitters, backlog, dashboard
 * (default: all), site ({@link SiteBench}: only when named, as it needs the sample site's jar) and
 * destinations ({@link DestinationBench}: only when named, as it needs RabbitMQ and NATS running).
 */
public final class DeliveryBench {

    static final int IN_FLIGHT = 8;
    static final String SAMPLE = "{\"order_id\":\"ord_10482\",\"amount\":\"129.90\",\"currency\":\"EUR\","
            + "\"customer\":{\"id\":\"cus_3Nd8LwQ0\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}}";

    static final String ADMIN = "bench";
    static final String PASSWORD = "benchmark passphrase";
    private static final List<String[]> RESULTS = new ArrayList<>();
    private static final String[] ALL_PARTS = {"throughput", "latency", "isolation", "inbound", "formats", "rest", "emitters", "backlog", "tracing",
            "dashboard"};

    private DeliveryBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String postgres = args.length > 0 && args[0].startsWith("--postgres=") ? args[0].substring(11) : null;
        String probe = args.length > 0 && args[0].startsWith("--postgres-probe=") ? args[0].substring(17) : null;
        Set<String> parts = Set.of(ALL_PARTS);
        if (args.length > 0 && args[0].startsWith("--only=")) {
            parts = Set.of(args[0].substring(7).split(","));
        }
        if (postgres != null || probe != null || args.length > 0 && args[0].startsWith("--only=")) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long started = System.nanoTime();
        if (probe != null) {
            PgProbe.run(probe, events, rounds);
            return;
        }
        if (postgres != null) {
            System.out.printf("Plugboard delivery benchmark, PostgreSQL run: %d events per run, %d rounds, %d cores%n%n",
                    events, rounds, Runtime.getRuntime().availableProcessors());
            PostgresBench.run(postgres, events, rounds);
            print();
            System.out.printf("%nTotal time: %.0f s%n", (System.nanoTime() - started) / 1e9);
            return;
        }
        System.out.printf("Plugboard delivery benchmark: %d events per run, %d rounds, %d requests in flight per "
                + "endpoint, %d cores%n%n", events, rounds, IN_FLIGHT, Runtime.getRuntime().availableProcessors());
        if (parts.contains("site")) {
            SiteProcess.jar(); // a missing jar fails now, not after the other parts
        }
        try (BenchReceiver receiver = new BenchReceiver(16)) {
            if (parts.contains("throughput")) {
                throughputs(receiver, events, rounds);
            }
            if (parts.contains("latency")) {
                LatencyBench.run(receiver);
            }
            if (parts.contains("isolation")) {
                IsolationBench.run(receiver, events / 2, rounds);
            }
            if (parts.contains("inbound")) {
                InboundBench.run(events, rounds);
            }
            if (parts.contains("formats")) {
                FormatsBench.run(receiver, events, rounds);
            }
            if (parts.contains("tracing")) {
                TracingBench.run(receiver, events, rounds);
            }
            if (parts.contains("rest")) {
                RestEmitBench.run(receiver, events, rounds);
            }
            if (parts.contains("emitters")) {
                EmitterBench.run(receiver, events, rounds);
            }
            if (parts.contains("site")) {
                SiteBench.run(receiver, events, rounds);
            }
            if (parts.contains("destinations")) {
                DestinationBench.run(receiver, events, rounds);
            }
        }
        if (parts.contains("backlog")) {
            Backlog.run(RESULTS);
        }
        if (parts.contains("dashboard")) {
            DashboardBench.run(RESULTS);
        }
        print();
        System.out.printf("%nTotal time: %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * 1a/1b and 2a/2b: the raw ceiling (Jetty's client, as the host's sender) and Plugboard, back to
     * back in each round; the JDK client's rate is printed beside, for comparison with runs 1 to 5.
     */
    private static void throughputs(BenchReceiver receiver, int events, int rounds) throws Exception {
        byte[] payload = envelope();
        RawCeiling.run(receiver.url("/warmup"), payload, 2_000, IN_FLIGHT);
        JdkCeiling.run(receiver.url("/warmup"), payload, 2_000, IN_FLIGHT);
        // Each round measures the baseline and Plugboard back to back; the median ratio is reported.
        double[] r1 = new double[rounds];
        double[] r1all = new double[rounds];
        double[] r10 = new double[rounds];
        double[] raw1 = new double[rounds];
        double[] raw10 = new double[rounds];
        double[] p1 = new double[rounds];
        double[] p10 = new double[rounds];
        double[] jdk1 = new double[rounds];
        double[] jdk10 = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            jdk1[i] = JdkCeiling.run(receiver.url("/jdk"), payload, events, IN_FLIGHT);
            raw1[i] = RawCeiling.run(receiver.url("/raw"), payload, events, IN_FLIGHT);
            Rates one = throughput(receiver, events, 1);
            jdk10[i] = JdkCeiling.run(receiver.url("/jdk10"), payload, events, IN_FLIGHT * 10);
            raw10[i] = RawCeiling.run(receiver.url("/raw10"), payload, events, IN_FLIGHT * 10);
            Rates ten = throughput(receiver, events / 5, 10);
            p1[i] = one.sustained();
            p10[i] = ten.sustained();
            r1[i] = one.sustained() / raw1[i];
            r1all[i] = one.overall() / raw1[i];
            r10[i] = ten.sustained() / raw10[i];
            System.out.printf("  round %d: raw(8) %s (JDK %s), 1 webhook %s (%d left after emitting), raw(80) %s (JDK %s), "
                    + "10 webhooks %s (%d left)%n", i + 1, fmt(raw1[i]), fmt(jdk1[i]), fmt(p1[i]), one.left(),
                    fmt(raw10[i]), fmt(jdk10[i]), fmt(p10[i]), ten.left());
        }
        record("1a. raw ceiling, 8 in flight (HTTP only)", fmt(median(raw1)) + " req/s", "baseline", "");
        record("1a-jdk. JDK client, 8 in flight (for comparison)", fmt(median(jdk1)) + " req/s",
                ratios(jdk1, raw1, "1a"), "");
        record("2a. Plugboard, 1 webhook, sustained", fmt(median(p1)) + " deliveries/s",
                pct(median(r1)) + " of 1a " + pcts(r1), target(median(r1), 0.70));
        record("2a'. same, emitting included", "", pct(median(r1all)) + " of 1a " + pcts(r1all), "");
        record("1b. raw ceiling, 80 in flight", fmt(median(raw10)) + " req/s", "baseline", "");
        record("1b-jdk. JDK client, 80 in flight (for comparison)", fmt(median(jdk10)) + " req/s",
                ratios(jdk10, raw10, "1b"), "");
        record("2b. Plugboard, 10 webhooks, sustained", fmt(median(p10)) + " deliveries/s",
                pct(median(r10)) + " of 1b " + pcts(r10), target(median(r10), 0.70));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** @return each round's rate divided by the same round's baseline */
    static double[] divide(double[] rates, double[] baseline) {
        double[] r = new double[rates.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rates[i] / baseline[i];
        }
        return r;
    }

    /** @return the median of the per-round ratios, and each round's, e.g. "93% of 1a (runs: ...)" */
    static String ratios(double[] rates, double[] baseline, String name) {
        double[] r = divide(rates, baseline);
        return pct(median(r)) + " of " + name + " " + pcts(r);
    }

    static String pcts(double[] ratios) {
        return Arrays.stream(ratios).mapToObj(DeliveryBench::pct).collect(Collectors.joining(", ", "(runs: ", ")"));
    }

    /**
     * Delivery rates of one run: overall (emitting included) and sustained (after the last emit), the
     * emit rate, and how many deliveries were left when the last emit returned (what "sustained" counts).
     */
    record Rates(double overall, double sustained, double emitted, long left) {}

    /**
     * Emits {@code events} events to {@code webhooks} webhooks as fast as one thread can and times until
     * the receiver has acknowledged all deliveries. "Sustained" counts only the deliveries made after
     * the last emit returned, when sending no longer shares the CPU with emitting.
     */
    static Rates throughput(BenchReceiver receiver, int events, int webhooks) throws Exception {
        try (Plugboard host = start(DeliverySettings.defaults())) {
            for (int i = 0; i < webhooks; i++) {
                createWebhook(host, "bench-" + i, receiver.url("/w" + i));
            }
            receiver.reset();
            long total = (long) events * webhooks;
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                host.events().emitJson("bench", SAMPLE);
            }
            long emittedAt = System.nanoTime();
            long deliveredByThen = receiver.count();
            long done = receiver.awaitCount(total, 120_000);
            return new Rates(total / ((done - start) / 1e9), (total - deliveredByThen) / ((done - emittedAt) / 1e9),
                    events / ((emittedAt - start) / 1e9), total - deliveredByThen);
        }
    }

    static Plugboard start(DeliverySettings settings) throws IOException {
        return start(settings, Files.createTempDirectory("bench-data"));
    }

    static Plugboard start(DeliverySettings settings, Path dataDir) throws IOException {
        return builder(settings, dataDir).build().start();
    }

    /** @return a host set up as every SQLite measurement's: private targets allowed, fast first retries */
    static PlugboardBuilder builder(DeliverySettings settings, Path dataDir) throws IOException {
        return Plugboard.builder()
                .pluginsDir(Files.createTempDirectory("bench-plugins"))
                .dataDir(dataDir)
                .port(0)
                .eventType(EventType.builder("bench").name("Bench").sample(SAMPLE).build())
                .allowPrivateTargets(true)
                .adminUser(ADMIN, PASSWORD)
                // A dropped keep-alive connection is retried after 20 ms, not 5 s, so that one such
                // hiccup of the test receiver does not stall a throughput measurement.
                .delivery(settings.toBuilder().maxInFlightPerWebhook(IN_FLIGHT)
                        .retrySchedule(List.of(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(1)))
                        .build());
    }

    static String createWebhook(Plugboard host, String name, String url) throws Exception {
        return Api.webhook(host, name, url, Map.of()).get("id").asText();
    }

    static void record(String what, String value, String ratio, String verdict) {
        RESULTS.add(new String[] {what, value, ratio, verdict});
        System.out.printf("  %-52s %-28s %-24s %s%n", what, value, ratio, verdict);
    }

    private static void print() {
        System.out.println("\n| measurement | result | ratio | target |");
        System.out.println("| --- | --- | --- | --- |");
        for (String[] r : RESULTS) {
            System.out.printf("| %s | %s | %s | %s |%n", r[0], r[1], r[2], r[3]);
        }
    }

    static byte[] envelopeBytes() {
        return envelope();
    }

    private static byte[] envelope() {
        return ("{\"id\":\"evt_01JD3ZQ8K5TB0000000000000\",\"type\":\"bench\",\"timestamp\":\"2026-11-22T10:00:00.000Z\","
                + "\"data\":" + SAMPLE + "}").getBytes(StandardCharsets.UTF_8);
    }

    static String fmt(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String target(double ratio, double wanted) {
        return (ratio >= wanted ? "met" : "MISSED") + " (>= " + pct(wanted) + ")";
    }
}
