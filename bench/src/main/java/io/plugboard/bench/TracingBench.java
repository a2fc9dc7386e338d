package io.plugboard.bench;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.util.Map;

/**
 * What tracing costs without an exporter: emit-to-delivered throughput to one webhook (emitting included)
 * with tracing off ({@code otel.sdk.disabled=true}: no spans, no {@code traceparent}) as the baseline,
 * then on without an exporter, as every host runs unless an OTLP endpoint is set: span ids made for the
 * {@code traceparent} header, nothing recorded; and on without an exporter with every emit inside a
 * caller's sampled trace, so the emit and attempt spans are recorded too (but exported nowhere).
 */
final class TracingBench {

    private enum Mode { OFF, IDS_ONLY, CALLER_SAMPLED }

    private TracingBench() {}

    static void run(BenchReceiver receiver, int events, int rounds) throws Exception {
        measure(receiver, Math.min(events, 2_000), Mode.CALLER_SAMPLED); // warm-up
        double[] off = new double[rounds];
        double[] ids = new double[rounds];
        double[] sampled = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            off[i] = measure(receiver, events, Mode.OFF);
            ids[i] = measure(receiver, events, Mode.IDS_ONLY);
            sampled[i] = measure(receiver, events, Mode.CALLER_SAMPLED);
        }
        DeliveryBench.record("13a. tracing off (otel.sdk.disabled), emit to delivered, 1 webhook",
                DeliveryBench.fmt(DeliveryBench.median(off)) + " deliveries/s", "baseline", "");
        DeliveryBench.record("13b. tracing on, no exporter (traceparent ids only), same",
                DeliveryBench.fmt(DeliveryBench.median(ids)) + " deliveries/s", DeliveryBench.ratios(ids, off, "13a"), "");
        DeliveryBench.record("13c. tracing on, no exporter, each emit in a sampled caller trace (spans recorded), same",
                DeliveryBench.fmt(DeliveryBench.median(sampled)) + " deliveries/s",
                DeliveryBench.ratios(sampled, off, "13a"), "");
    }

    /** @return deliveries/s from the first emit until the receiver has answered every one */
    private static double measure(BenchReceiver receiver, int events, Mode mode) throws Exception {
        // The host reads the switch when it starts, like the OTEL_* variables.
        if (mode == Mode.OFF) {
            System.setProperty("otel.sdk.disabled", "true");
        } else {
            System.clearProperty("otel.sdk.disabled");
        }
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults())) {
            Api.webhook(host, "bench", receiver.url("/traced"), Map.of());
            receiver.reset();
            long started = System.nanoTime();
            Context caller = Context.root().with(Span.wrap(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736",
                    "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));
            try (Scope scope = mode == Mode.CALLER_SAMPLED ? caller.makeCurrent() : Context.root().makeCurrent()) {
                for (int i = 0; i < events; i++) {
                    host.events().emitJson("bench", DeliveryBench.SAMPLE);
                }
            }
            long done = receiver.awaitCount(events, 120_000);
            return events / ((done - started) / 1e9);
        } finally {
            System.clearProperty("otel.sdk.disabled");
        }
    }
}
