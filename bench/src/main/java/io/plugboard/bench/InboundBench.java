package io.plugboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Receiving: requests/s that a generic-json inbound webhook ({@code POST /hooks/in/{id}/{key}}, the
 * sample receiver plugin, no mappings) accepts, as a ratio to a route of the same host's web server
 * that reads the body and answers 200, measured back to back in each round with the same client and
 * the same number of requests in flight. Accepting means checking the key, parsing the JSON in the
 * plugin, and storing the received event and the event it emits (no webhook is subscribed to it).
 */
final class InboundBench {

    private static final String PLUGIN = "generic-json-receiver.jar";

    private InboundBench() {}

    static void run(int requests, int rounds) throws Exception {
        Path plugins = Files.createTempDirectory("bench-plugins");
        try (InputStream jar = InboundBench.class.getResourceAsStream("/bench-plugins/" + PLUGIN)) {
            if (jar == null) {
                throw new IllegalStateException(PLUGIN + " is not in the benchmark's jar: build it with Maven");
            }
            Files.copy(jar, plugins.resolve(PLUGIN));
        }
        try (Plugboard host = DeliveryBench.builder(DeliverySettings.defaults(), Files.createTempDirectory("bench-data"))
                .pluginsDir(plugins)
                .web(config -> config.routes.post("/bench/ok", ctx -> {
                    ctx.bodyAsBytes();
                    ctx.status(200);
                }))
                .build().start()) {
            JsonNode inbound = Api.post(host, "/api/v1/inbound-webhooks",
                    Map.of("name", "bench", "receiver", "generic-json", "settings", Map.of()), 201);
            String url = inbound.get("url").asText();
            String baseline = host.baseUrl() + "/bench/ok";
            byte[] body = DeliveryBench.SAMPLE.getBytes(StandardCharsets.UTF_8);
            int inFlight = DeliveryBench.IN_FLIGHT;
            RawCeiling.run(baseline, body, Math.min(requests, 2_000), inFlight);
            RawCeiling.run(url, body, Math.min(requests, 2_000), inFlight);
            double[] plain = new double[rounds];
            double[] received = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                plain[i] = RawCeiling.run(baseline, body, requests, inFlight);
                received[i] = RawCeiling.run(url, body, requests, inFlight);
            }
            long accepted = Api.get(host, "/api/v1/inbound-webhooks/" + inbound.get("id").asText() + "/stats")
                    .get("accepted").asLong();
            long expected = (long) rounds * requests + Math.min(requests, 2_000);
            if (accepted < expected * 99 / 100) {
                throw new IllegalStateException("the inbound webhook accepted " + accepted + " of " + expected);
            }
            DeliveryBench.record("7a. route answering 200, 8 in flight (same server)",
                    DeliveryBench.fmt(DeliveryBench.median(plain)) + " req/s", "baseline", "");
            DeliveryBench.record("7b. inbound webhook, generic-json, 8 in flight",
                    DeliveryBench.fmt(DeliveryBench.median(received)) + " req/s",
                    DeliveryBench.ratios(received, plain, "7a"), "");
        }
    }
}
