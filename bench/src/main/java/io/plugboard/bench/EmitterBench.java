package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Concurrent emitters (10a–10c): events/s stored by {@code Plugboard.events().emitJson} from 8 threads
 * as a ratio to one thread, one webhook subscribed (so its deliveries share the machine), each on a
 * fresh host; and the whole path from outside, REST emit with a token and 64 in flight to 10 webhooks,
 * deliveries/s until the receiver has acknowledged every one, as a ratio to the raw ceiling with 80 in
 * flight measured in the same round.
 */
final class EmitterBench {

    private static final int THREADS = 8;

    private EmitterBench() {}

    static void run(BenchReceiver receiver, int events, int rounds) throws Exception {
        emitRate(receiver, Math.min(events, 2_000), THREADS); // warm-up
        double[] one = new double[rounds];
        double[] eight = new double[rounds];
        double[] raw80 = new double[rounds];
        double[] endToEnd = new double[rounds];
        byte[] envelope = DeliveryBench.envelopeBytes();
        for (int i = 0; i < rounds; i++) {
            one[i] = emitRate(receiver, events, 1);
            eight[i] = emitRate(receiver, events, THREADS);
            raw80[i] = RawCeiling.run(receiver.url("/raw80"), envelope, events, DeliveryBench.IN_FLIGHT * 10);
            endToEnd[i] = restToTen(receiver, events / 5);
            System.out.printf("  round %d: emit 1 thread %s/s, %d threads %s/s, raw(80) %s req/s, REST to 10 webhooks "
                            + "%s deliveries/s%n", i + 1, DeliveryBench.fmt(one[i]), THREADS, DeliveryBench.fmt(eight[i]),
                    DeliveryBench.fmt(raw80[i]), DeliveryBench.fmt(endToEnd[i]));
        }
        DeliveryBench.record("10a. in-process emit, 1 thread, 1 webhook",
                DeliveryBench.fmt(DeliveryBench.median(one)) + " events/s", "baseline", "");
        DeliveryBench.record("10b. in-process emit, 8 threads, 1 webhook",
                DeliveryBench.fmt(DeliveryBench.median(eight)) + " events/s", times(DeliveryBench.divide(eight, one)),
                (DeliveryBench.median(DeliveryBench.divide(eight, one)) >= 10 ? "met" : "MISSED") + " (>= 10x 10a)");
        DeliveryBench.record("10c. REST emit (token, 64 in flight) to 10 webhooks, until all acknowledged",
                DeliveryBench.fmt(DeliveryBench.median(endToEnd)) + " deliveries/s",
                DeliveryBench.ratios(endToEnd, raw80, "raw(80)"),
                DeliveryBench.target(DeliveryBench.median(DeliveryBench.divide(endToEnd, raw80)), 0.70));
    }

    private static String times(double[] ratios) {
        StringBuilder runs = new StringBuilder();
        for (double r : ratios) {
            runs.append(runs.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1fx", r));
        }
        return String.format(Locale.ROOT, "%.1fx 10a (runs: %s)", DeliveryBench.median(ratios), runs);
    }

    /** @return events/s stored by {@code threads} threads emitting {@code events} events in all */
    static double emitRate(BenchReceiver receiver, int events, int threads) throws Exception {
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults())) {
            return emitRate(host, receiver, events, threads);
        }
    }

    /** The same on a host already started (e.g. on PostgreSQL). */
    static double emitRate(Plugboard host, BenchReceiver receiver, int events, int threads) throws Exception {
        DeliveryBench.createWebhook(host, "bench", receiver.url("/emitters"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int share = events / threads + (t < events % threads ? 1 : 0);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        host.events().emitJson("bench", DeliveryBench.SAMPLE);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return events / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return deliveries/s from the first REST emit until the receiver has acknowledged all of them */
    static double restToTen(BenchReceiver receiver, int events) throws Exception {
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults())) {
            for (int i = 0; i < 10; i++) {
                DeliveryBench.createWebhook(host, "bench-" + i, receiver.url("/e2e" + i));
            }
            return Api.emitUntilDelivered(receiver, host.baseUrl() + "/api/v1/events", RestEmitBench.event(), events,
                    events * 10L, Api.bearer(host.baseUrl()));
        }
    }
}
