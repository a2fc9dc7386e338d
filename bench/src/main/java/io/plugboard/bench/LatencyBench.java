package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/** 3a-3c: emit latency with no webhook and with one, and emit-to-received latency, at a fixed rate. */
final class LatencyBench {

    private LatencyBench() {}

    /**
     * Emit latency and emit-to-received latency at a fixed, moderate rate; first with no webhook at
     * all (the cost of validating and storing alone), then with one subscribed webhook.
     */
    static void run(BenchReceiver receiver) throws Exception {
        int rate = 200;
        int count = 2_000;
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults())) {
            long[] alone = new long[count];
            paced(host, rate, count, alone, new String[count], new long[count]);
            DeliveryBench.record("3a. emit latency, no webhook (baseline)", p50p99(alone), "baseline", "");

            DeliveryBench.createWebhook(host, "latency", receiver.url("/latency"));
            receiver.reset();
            long[] emit = new long[count];
            String[] ids = new String[count];
            long[] startedAt = new long[count];
            paced(host, rate, count, emit, ids, startedAt);
            receiver.awaitCount(count, 30_000);
            long[] endToEnd = new long[count];
            for (int i = 0; i < count; i++) {
                Long arrived = receiver.arrival(ids[i]);
                if (arrived == null) {
                    throw new IllegalStateException("event " + ids[i] + " never arrived");
                }
                endToEnd[i] = arrived - startedAt[i];
            }
            double p99 = Stats.percentileMs(emit, 99);
            DeliveryBench.record("3b. emit latency at " + rate + "/s, 1 webhook", p50p99(emit), "",
                    p99 <= 2.0 ? "met (p99 <= 2 ms)" : "MISSED (p99 <= 2 ms)");
            DeliveryBench.record("3c. emit-to-received latency", p50p99(endToEnd), "", "");
        }
    }

    private static String p50p99(long[] nanos) {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms", Stats.percentileMs(nanos, 50),
                Stats.percentileMs(nanos, 99));
    }

    private static void paced(Plugboard host, int rate, int count, long[] latency, String[] ids, long[] startedAt) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            long t0 = System.nanoTime();
            ids[i] = host.events().emitJson("bench", DeliveryBench.SAMPLE);
            latency[i] = System.nanoTime() - t0;
            startedAt[i] = t0;
        }
    }
}
