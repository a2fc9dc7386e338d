package io.plugboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The sample site's jar driven from outside (11a–11d): what a user runs, in its own JVM, through its
 * REST API, with one webhook to the bench's receiver for one of the site's event types. In each round,
 * back to back with the same client (the raw ceiling's) and the same JSON body: the raw ceiling to the
 * bench's own receiver with 64 in flight (11a); REST emit with a token and 64 in flight (11b); the batch
 * route with 100 events per request (11c); and REST emit until the receiver has acknowledged every
 * delivery (11d). Each of 11a–11d starts with the site's queue empty.
 */
final class SiteBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_IN_FLIGHT = 8;

    private SiteBench() {}

    static void run(BenchReceiver receiver, int requests, int rounds) throws Exception {
        try (SiteProcess site = SiteProcess.start(SiteProcess.jar(), DeliveryBench.ADMIN, DeliveryBench.PASSWORD)) {
            try {
                measure(site, receiver, requests, rounds);
            } catch (RuntimeException e) {
                throw new IllegalStateException(e.getMessage() + "\nthe site's last output:\n" + site.tail(), e);
            }
        }
    }

    private static void measure(SiteProcess site, BenchReceiver receiver, int requests, int rounds) throws Exception {
        String base = site.baseUrl();
        Map<String, String> bearer = Api.bearer(base);
        JsonNode type = eventType(base);
        String key = type.get("key").asText();
        String webhook = Api.webhook(base, "bench", receiver.url("/site"), Map.of("events", List.of(key)))
                .get("id").asText();
        ObjectNode event = JSON.createObjectNode().put("type", key).set("data", type.get("sample"));
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode events = batch.putArray("events");
        for (int i = 0; i < RestEmitBench.BATCH; i++) {
            events.add(event);
        }
        // Refused data would only show as a zero rate below: say why now.
        Api.post(base, "/api/v1/events", event, 202);
        Api.post(base, "/api/v1/events/batch", batch, 202);
        byte[] one = JSON.writeValueAsBytes(event);
        byte[] hundred = JSON.writeValueAsBytes(batch);
        String emit = base + "/api/v1/events";
        String emitBatch = base + "/api/v1/events/batch";
        int batches = Math.max(20, requests / RestEmitBench.BATCH);
        System.out.printf("  sample site pid %d at %s, event type %s, 1 webhook%n", site.pid(), base, key);
        int warmUp = Math.min(requests, 2_000);
        RawCeiling.run(receiver.url("/warmup"), one, warmUp, RestEmitBench.IN_FLIGHT, bearer);
        RawCeiling.run(emit, one, warmUp, RestEmitBench.IN_FLIGHT, bearer);
        RawCeiling.run(emitBatch, hundred, Math.max(2, warmUp / RestEmitBench.BATCH), BATCH_IN_FLIGHT, bearer);
        double[] raw = new double[rounds];
        double[] token64 = new double[rounds];
        double[] batched = new double[rounds];
        double[] endToEnd = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            Api.awaitDrained(base, webhook);
            raw[i] = RawCeiling.run(receiver.url("/site-raw"), one, requests, RestEmitBench.IN_FLIGHT, bearer);
            token64[i] = RawCeiling.run(emit, one, requests, RestEmitBench.IN_FLIGHT, bearer);
            Api.awaitDrained(base, webhook);
            batched[i] = RestEmitBench.BATCH * RawCeiling.run(emitBatch, hundred, batches, BATCH_IN_FLIGHT, bearer);
            Api.awaitDrained(base, webhook);
            endToEnd[i] = Api.emitUntilDelivered(receiver, emit, one, requests, requests, bearer);
            System.out.printf("  round %d: raw(64) %s req/s, site REST emit %s/s, batch %s events/s, end to end %s "
                            + "deliveries/s%n", i + 1, DeliveryBench.fmt(raw[i]), DeliveryBench.fmt(token64[i]),
                    DeliveryBench.fmt(batched[i]), DeliveryBench.fmt(endToEnd[i]));
        }
        DeliveryBench.record("11a. raw ceiling to the bench's receiver, 64 in flight",
                DeliveryBench.fmt(DeliveryBench.median(raw)) + " req/s", "baseline", "");
        DeliveryBench.record("11b. site jar: REST emit, Bearer, 64 in flight",
                DeliveryBench.fmt(DeliveryBench.median(token64)) + " events/s",
                DeliveryBench.ratios(token64, raw, "11a"), "");
        double batchRate = DeliveryBench.median(batched);
        DeliveryBench.record("11c. site jar: batch emit, 100 per request, 8 in flight",
                DeliveryBench.fmt(batchRate) + " events/s", "", (batchRate >= 20_000 ? "met" : "MISSED") + " (>= 20,000/s)");
        DeliveryBench.record("11d. site jar: REST emit to 1 webhook, until all acknowledged",
                DeliveryBench.fmt(DeliveryBench.median(endToEnd)) + " deliveries/s",
                DeliveryBench.ratios(endToEnd, raw, "11a"), "");
    }

    /** @return the site's demo shop's {@code payment_received} if it has it, else its first type with a sample */
    private static JsonNode eventType(String base) throws Exception {
        JsonNode chosen = null;
        for (JsonNode type : Api.get(base, "/api/v1/event-types").get("data")) {
            // The host's own operational types (owner plugboard) cannot be emitted through the API.
            boolean usable = type.path("sample").isObject() && !type.path("plugin_id").asText().equals("plugboard");
            if (usable && (chosen == null || type.get("key").asText().equals("payment_received"))) {
                chosen = type;
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("the sample site lists no event type with a sample");
        }
        return chosen;
    }
}
