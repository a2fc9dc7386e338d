package io.plugboard.bench;

import com.rabbitmq.client.GetResponse;
import io.nats.client.api.MessageInfo;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part {@code destinations} (12a–12c): deliveries/s through Plugboard to one webhook whose destination is
 * a plugin's — RabbitMQ with publisher confirms, NATS JetStream with acked publishes — and, for
 * comparison, to the local HTTP receiver; each as a ratio to a baseline measured back to back in the same
 * round: the broker's own Java client publishing the same messages (the body and headers of a message
 * the plugin published, with the plugin's confirm/ack discipline and its parallelism), or for HTTP the
 * raw ceiling ({@link RawCeiling}). Needs RabbitMQ on 127.0.0.1:5672 (guest/guest) and NATS with
 * JetStream on 127.0.0.1:4222; the queue and stream are uniquely named and deleted at the end.
 */
final class DestinationBench {

    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Each round's rates: Plugboard's and its baseline's, per destination. */
    private record Rates(double[] http, double[] raw, double[] amqp, double[] amqpBase, double[] nats, double[] natsBase) {
        Rates(int rounds) {
            this(new double[rounds], new double[rounds], new double[rounds], new double[rounds], new double[rounds],
                    new double[rounds]);
        }
    }

    private DestinationBench() {}

    static void run(BenchReceiver receiver, int events, int rounds) throws Exception {
        // The host sends at most this many deliveries of one webhook at once; each baseline publishes with as many.
        int parallel = DeliveryBench.IN_FLIGHT;
        Path plugins = PluginDeliveries.pluginsDir();
        byte[] envelope = DeliveryBench.envelopeBytes();
        Map<String, Object> http = Map.of("url", receiver.url("/destinations"));
        try (RabbitBaseline rabbit = new RabbitBaseline(); NatsBaseline nats = new NatsBaseline()) {
            // Warm-up of every path; Plugboard's runs also give the messages the baselines publish copies of.
            int warm = Math.min(events, 2_000);
            PluginDeliveries.run(plugins, http, warm);
            RawCeiling.run(receiver.url("/destinations-raw"), envelope, warm, parallel);
            PluginDeliveries.run(plugins, Map.of("destination", rabbit.destination()), warm);
            GetResponse amqpSample = rabbit.sample();
            rabbit.purge();
            rabbit.publish(amqpSample, warm, parallel);
            rabbit.purge();
            PluginDeliveries.run(plugins, Map.of("destination", nats.destination()), warm);
            MessageInfo natsSample = nats.sample();
            nats.purge();
            nats.publish(natsSample, warm, parallel);
            nats.purge();
            System.out.printf("  destinations: AMQP message %d bytes, %d headers; NATS message %d bytes, %d headers%n",
                    amqpSample.getBody().length, amqpSample.getProps().getHeaders().size(), natsSample.getData().length,
                    natsSample.getHeaders().size());
            Rates r = new Rates(rounds);
            for (int i = 0; i < rounds; i++) {
                r.raw()[i] = RawCeiling.run(receiver.url("/destinations-raw"), envelope, events, parallel);
                PluginDeliveries.Run toHttp = PluginDeliveries.run(plugins, http, events);
                r.http()[i] = toHttp.rate();
                r.amqpBase()[i] = rabbit.publish(amqpSample, events, parallel);
                expect("RabbitMQ baseline", rabbit.queued(), events);
                rabbit.purge();
                PluginDeliveries.Run toRabbit = PluginDeliveries.run(plugins, Map.of("destination", rabbit.destination()), events);
                r.amqp()[i] = toRabbit.rate();
                expect("RabbitMQ queue", rabbit.queued(), events);
                rabbit.purge();
                r.natsBase()[i] = nats.publish(natsSample, events, parallel);
                expect("NATS baseline", nats.stored(), events);
                nats.purge();
                PluginDeliveries.Run toNats = PluginDeliveries.run(plugins, Map.of("destination", nats.destination()), events);
                r.nats()[i] = toNats.rate();
                expect("NATS stream", nats.stored(), events);
                nats.purge();
                System.out.printf("  round %d: HTTP %s vs raw %s, RabbitMQ %s vs client %s, NATS %s vs client %s; "
                                + "emits/s meanwhile %s, %s, %s; failed attempts %d, %d, %d%n", i + 1,
                        DeliveryBench.fmt(r.http()[i]), DeliveryBench.fmt(r.raw()[i]), DeliveryBench.fmt(r.amqp()[i]),
                        DeliveryBench.fmt(r.amqpBase()[i]), DeliveryBench.fmt(r.nats()[i]), DeliveryBench.fmt(r.natsBase()[i]),
                        DeliveryBench.fmt(toHttp.emitRate()), DeliveryBench.fmt(toRabbit.emitRate()),
                        DeliveryBench.fmt(toNats.emitRate()), toHttp.failedAttempts(), toRabbit.failedAttempts(),
                        toNats.failedAttempts());
            }
            report(r, parallel);
        }
    }

    private static void report(Rates r, int parallel) {
        System.out.printf("%n  Medians of %d rounds, %d in flight (Plugboard per webhook; each baseline's threads):%n%n",
                r.http().length, parallel);
        System.out.println("| destination | Plugboard deliveries/s | baseline/s | ratio |");
        System.out.println("| --- | --- | --- | --- |");
        row("12a. HTTP, local receiver", r.http(), r.raw(), "raw Jetty client, 12a-raw");
        row("12b. RabbitMQ, publisher confirms", r.amqp(), r.amqpBase(), "amqp-client, 12b-client");
        row("12c. NATS JetStream, acked publishes", r.nats(), r.natsBase(), "jnats, 12c-client");
        System.out.println();
        record("12a", "HTTP to the local receiver (first emit to last success)", r.http(), r.raw(), "raw Jetty client");
        record("12b", "RabbitMQ, publisher confirms (same)", r.amqp(), r.amqpBase(), "amqp-client");
        record("12c", "NATS JetStream, acked publishes (same)", r.nats(), r.natsBase(), "jnats");
    }

    private static void row(String what, double[] plugboard, double[] baseline, String client) {
        System.out.printf("| %s | %s | %s (%s) | %s %s |%n", what, DeliveryBench.fmt(DeliveryBench.median(plugboard)),
                DeliveryBench.fmt(DeliveryBench.median(baseline)), client,
                DeliveryBench.pct(DeliveryBench.median(DeliveryBench.divide(plugboard, baseline))),
                DeliveryBench.pcts(DeliveryBench.divide(plugboard, baseline)));
    }

    private static void record(String id, String what, double[] plugboard, double[] baseline, String client) {
        DeliveryBench.record(id + "-client. " + client + ", same messages and discipline",
                DeliveryBench.fmt(DeliveryBench.median(baseline)) + " messages/s", "baseline", "");
        DeliveryBench.record(id + ". " + what, DeliveryBench.fmt(DeliveryBench.median(plugboard)) + " deliveries/s",
                DeliveryBench.ratios(plugboard, baseline, id + "-client"), "");
    }

    /** Every message must be there: a shortfall means a measurement counted something the broker did not keep. */
    private static void expect(String what, long count, int wanted) {
        if (count < wanted) {
            throw new IllegalStateException(what + " holds " + count + " messages, expected " + wanted);
        }
    }

    static int nextRun() {
        return RUNS.incrementAndGet();
    }

    /** @return {@code template} (an event id) with its last 10 characters replaced by the run and the index */
    static String uniqueId(String template, int run, int index) {
        String tail = String.format(Locale.ROOT, "%03d%07d", run % 1000, index);
        return template.length() > tail.length() ? template.substring(0, template.length() - tail.length()) + tail
                : "bench-" + tail;
    }
}
