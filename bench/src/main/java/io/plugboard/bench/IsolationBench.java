package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.time.Duration;

/** 4: a healthy webhook's throughput while another one never answers, as a ratio to it alone. */
final class IsolationBench {

    private IsolationBench() {}

    /** Throughput to a healthy endpoint while another one hangs until the request timeout. */
    static void run(BenchReceiver healthy, int events, int rounds) throws Exception {
        double[] ratios = new double[rounds];
        double[] rates = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double solo = DeliveryBench.throughput(healthy, events, 1).overall();
            rates[i] = besideHanging(healthy, events);
            ratios[i] = rates[i] / solo;
        }
        double median = DeliveryBench.median(ratios);
        DeliveryBench.record("4. isolation: healthy while another hangs",
                DeliveryBench.fmt(DeliveryBench.median(rates)) + " deliveries/s",
                DeliveryBench.pct(median) + " of solo " + DeliveryBench.pcts(ratios), DeliveryBench.target(median, 0.90));
    }

    /** @return deliveries/s to a healthy webhook while another webhook's endpoint never answers */
    static double besideHanging(BenchReceiver healthy, int events) throws Exception {
        DeliverySettings settings = DeliverySettings.defaults().toBuilder()
                .requestTimeout(Duration.ofSeconds(2)).drainTimeout(Duration.ofMillis(100)).build();
        try (BenchReceiver hanging = new BenchReceiver(64).delay(60_000);
             Plugboard host = DeliveryBench.start(settings)) {
            DeliveryBench.createWebhook(host, "hanging", hanging.url("/hang"));
            DeliveryBench.createWebhook(host, "healthy", healthy.url("/healthy"));
            healthy.reset();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                host.events().emitJson("bench", DeliveryBench.SAMPLE);
            }
            long done = healthy.awaitCount(events, 120_000);
            return events / ((done - start) / 1e9);
        }
    }
}
