package io.plugboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Receiving: requests/s that an inbound webhook ({@code POST /hooks/in/{id}/{key}}, no mappings)
 * accepts, as a ratio to a route of the same host's web server that reads the body and answers 200,
 * measured back to back in each round with the same client and the same number of requests in flight.
 * 7b is the generic-json receiver with the bench's JSON body; 7c the GitHub receiver with signed
 * {@code push} requests (a new delivery id each), and 7c-json the generic-json receiver with 7c's body,
 * so that 7c against 7c-json is the signature check, the GitHub receiver's parsing, the push schema and
 * the de-duplication by delivery id, at the same body. Accepting means checking the key, parsing the JSON
 * in the plugin, and storing the received event and the event it emits (no webhook is subscribed to it).
 */
final class InboundBench {

    private static final String[] PLUGINS = {"generic-json-receiver.jar", "github-receiver.jar"};

    private InboundBench() {}

    static void run(int requests, int rounds) throws Exception {
        try (Plugboard host = DeliveryBench.builder(DeliverySettings.defaults(), Files.createTempDirectory("bench-data"))
                .pluginsDir(pluginsDir())
                .web(config -> config.routes.post("/bench/ok", ctx -> {
                    ctx.bodyAsBytes();
                    ctx.status(200);
                }))
                .build().start()) {
            GitHubPushes pushes = new GitHubPushes();
            JsonNode json = Api.post(host, "/api/v1/inbound-webhooks",
                    Map.of("name", "bench", "receiver", "generic-json", "settings", Map.of()), 201);
            JsonNode github = Api.post(host, "/api/v1/inbound-webhooks",
                    Map.of("name", "bench-github", "receiver", "github", "settings", Map.of("secret", pushes.secret())), 201);
            String url = json.get("url").asText();
            String githubUrl = github.get("url").asText();
            String baseline = host.baseUrl() + "/bench/ok";
            byte[] body = DeliveryBench.SAMPLE.getBytes(StandardCharsets.UTF_8);
            byte[] push = pushes.body();
            int inFlight = DeliveryBench.IN_FLIGHT;
            int warm = Math.min(requests, 2_000);
            RawCeiling.run(baseline, body, warm, inFlight);
            RawCeiling.run(url, body, warm, inFlight);
            RawCeiling.run(url, push, warm, inFlight);
            RawCeiling.run(githubUrl, push, warm, inFlight, pushes::headers);
            double[] plain = new double[rounds];
            double[] received = new double[rounds];
            double[] receivedPush = new double[rounds];
            double[] signed = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                plain[i] = RawCeiling.run(baseline, body, requests, inFlight);
                received[i] = RawCeiling.run(url, body, requests, inFlight);
                receivedPush[i] = RawCeiling.run(url, push, requests, inFlight);
                signed[i] = RawCeiling.run(githubUrl, push, requests, inFlight, pushes::headers);
                System.out.printf("  round %d: route %s, generic-json %s, generic-json (push body) %s, github push %s req/s%n",
                        i + 1, DeliveryBench.fmt(plain[i]), DeliveryBench.fmt(received[i]),
                        DeliveryBench.fmt(receivedPush[i]), DeliveryBench.fmt(signed[i]));
            }
            long expected = (long) rounds * requests + warm;
            expectAccepted(host, json, 2 * expected);
            expectAccepted(host, github, expected);
            expectEmitted(host, expected);
            DeliveryBench.record("7a. route answering 200, 8 in flight (same server)",
                    DeliveryBench.fmt(DeliveryBench.median(plain)) + " req/s", "baseline", "");
            DeliveryBench.record("7b. inbound webhook, generic-json, 8 in flight",
                    DeliveryBench.fmt(DeliveryBench.median(received)) + " req/s",
                    DeliveryBench.ratios(received, plain, "7a"), "");
            DeliveryBench.record("7c-json. generic-json, 7c's body (" + push.length + " B)",
                    DeliveryBench.fmt(DeliveryBench.median(receivedPush)) + " req/s",
                    DeliveryBench.ratios(receivedPush, plain, "7a"), "");
            DeliveryBench.record("7c. inbound webhook, github push, signed, 8 in flight",
                    DeliveryBench.fmt(DeliveryBench.median(signed)) + " req/s",
                    DeliveryBench.ratios(signed, plain, "7a") + "; " + DeliveryBench.ratios(signed, receivedPush, "7c-json"), "");
        }
    }

    /** @return a plugins folder holding the receivers' jars, which the build packs into the bench's jar */
    private static Path pluginsDir() throws Exception {
        Path plugins = Files.createTempDirectory("bench-plugins");
        for (String plugin : PLUGINS) {
            try (InputStream jar = InboundBench.class.getResourceAsStream("/bench-plugins/" + plugin)) {
                if (jar == null) {
                    throw new IllegalStateException(plugin + " is not in the benchmark's jar: build it with Maven");
                }
                Files.copy(jar, plugins.resolve(plugin));
            }
        }
        return plugins;
    }

    /** A request that was not accepted (202) would have been counted as done by a rate that is not the host's. */
    private static void expectAccepted(Plugboard host, JsonNode inbound, long expected) throws Exception {
        long accepted = Api.get(host, "/api/v1/inbound-webhooks/" + inbound.get("id").asText() + "/stats")
                .get("accepted").asLong();
        if (accepted < expected * 99 / 100) {
            throw new IllegalStateException("the inbound webhook " + inbound.get("name").asText() + " accepted "
                    + accepted + " of " + expected);
        }
    }

    /** A duplicate delivery id is accepted too but emits nothing: every push must have become an event. */
    private static void expectEmitted(Plugboard host, long expected) {
        Counter counter = host.meterRegistry().find("plugboard.events.emitted").tag("type", "github.push").counter();
        long emitted = counter == null ? 0 : (long) counter.count();
        if (emitted < expected * 99 / 100) {
            throw new IllegalStateException("the GitHub inbound webhook emitted " + emitted + " github.push events for "
                    + expected + " pushes");
        }
    }
}
