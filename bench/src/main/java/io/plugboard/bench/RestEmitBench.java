package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import io.plugboard.sdk.EventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * Emitting through the REST API (9a–9d): {@code POST /api/v1/events} with a Bearer token and 64
 * requests in flight, one webhook subscribed, as a ratio to a route of the same host's web server that
 * reads the body and answers 202 (the bare route), back to back in each round with the same client (the
 * raw ceiling's); the same with HTTP Basic as a ratio to the token; and the batch route with 100 events
 * per request, in events stored per second; and the same emit of a type no webhook subscribes to, which
 * is the emit path alone (9b shares the machine with the deliveries it causes).
 */
final class RestEmitBench {

    static final int IN_FLIGHT = 64;
    static final int BATCH = 100;
    private static final String QUIET = "bench_unsubscribed";

    private RestEmitBench() {}

    static void run(BenchReceiver receiver, int requests, int rounds) throws Exception {
        try (Plugboard host = DeliveryBench.builder(DeliverySettings.defaults(), Files.createTempDirectory("bench-data"))
                .eventType(EventType.builder(QUIET).name("Bench, no subscriber").sample(DeliveryBench.SAMPLE).build())
                .web(config -> config.routes.post("/bench/accept", ctx -> {
                    ctx.bodyAsBytes();
                    ctx.status(202).contentType("application/json").result("{\"id\":\"evt_01JD3ZQ8K5TB0000000000000\"}");
                }))
                .build().start()) {
            String webhook = DeliveryBench.createWebhook(host, "bench", receiver.url("/rest"));
            Map<String, String> bearer = Api.bearer(host.baseUrl());
            Map<String, String> basic = Map.of("Authorization", Api.basicAuth(), "Content-Type", "application/json");
            byte[] one = event();
            byte[] quiet = ("{\"type\":\"" + QUIET + "\",\"data\":" + DeliveryBench.SAMPLE + "}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] batch = batch(BATCH);
            String bare = host.baseUrl() + "/bench/accept";
            String emit = host.baseUrl() + "/api/v1/events";
            String emitBatch = host.baseUrl() + "/api/v1/events/batch";
            int basicRequests = Math.max(200, requests / 4);
            RawCeiling.run(bare, one, Math.min(requests, 2_000), IN_FLIGHT, bearer);
            RawCeiling.run(emit, one, Math.min(requests, 2_000), IN_FLIGHT, bearer);
            double[] plain = new double[rounds];
            double[] token = new double[rounds];
            double[] password = new double[rounds];
            double[] batched = new double[rounds];
            double[] alone = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                plain[i] = RawCeiling.run(bare, one, requests, IN_FLIGHT, bearer);
                // Each measurement starts with no delivery left from the one before.
                Api.awaitDrained(host.baseUrl(), webhook);
                token[i] = RawCeiling.run(emit, one, requests, IN_FLIGHT, bearer);
                Api.awaitDrained(host.baseUrl(), webhook);
                password[i] = RawCeiling.run(emit, one, basicRequests, IN_FLIGHT, basic);
                Api.awaitDrained(host.baseUrl(), webhook);
                batched[i] = BATCH * RawCeiling.run(emitBatch, batch, Math.max(20, requests / BATCH), 8, bearer);
                Api.awaitDrained(host.baseUrl(), webhook);
                alone[i] = RawCeiling.run(emit, quiet, requests, IN_FLIGHT, bearer);
                System.out.printf("  round %d: bare route %s req/s, emit (token) %s/s, emit (Basic) %s/s, "
                                + "batch emit %s events/s, emit (no subscriber) %s/s%n", i + 1, DeliveryBench.fmt(plain[i]),
                        DeliveryBench.fmt(token[i]), DeliveryBench.fmt(password[i]), DeliveryBench.fmt(batched[i]),
                        DeliveryBench.fmt(alone[i]));
            }
            DeliveryBench.record("9a. bare route answering 202, 64 in flight (same server)",
                    DeliveryBench.fmt(DeliveryBench.median(plain)) + " req/s", "baseline", "");
            double[] tokenRatio = DeliveryBench.divide(token, plain);
            DeliveryBench.record("9b. REST emit, Bearer, 64 in flight, 1 webhook",
                    DeliveryBench.fmt(DeliveryBench.median(token)) + " events/s",
                    DeliveryBench.ratios(token, plain, "9a"), DeliveryBench.target(DeliveryBench.median(tokenRatio), 0.60));
            double[] basicRatio = DeliveryBench.divide(password, token);
            DeliveryBench.record("9c. REST emit, HTTP Basic, same",
                    DeliveryBench.fmt(DeliveryBench.median(password)) + " events/s",
                    DeliveryBench.ratios(password, token, "9b"), DeliveryBench.target(DeliveryBench.median(basicRatio), 0.50));
            double batchRate = DeliveryBench.median(batched);
            DeliveryBench.record("9d. REST batch emit, 100 events per request, 8 in flight",
                    DeliveryBench.fmt(batchRate) + " events/s", "",
                    (batchRate >= 20_000 ? "met" : "MISSED") + " (>= 20,000/s)");
            DeliveryBench.record("9e. REST emit, Bearer, 64 in flight, no webhook subscribed",
                    DeliveryBench.fmt(DeliveryBench.median(alone)) + " events/s",
                    DeliveryBench.ratios(alone, plain, "9a"), "");
        }
    }

    static byte[] event() {
        return ("{\"type\":\"bench\",\"data\":" + DeliveryBench.SAMPLE + "}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] batch(int size) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"bench\",\"data\":").append(DeliveryBench.SAMPLE).append('}');
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
