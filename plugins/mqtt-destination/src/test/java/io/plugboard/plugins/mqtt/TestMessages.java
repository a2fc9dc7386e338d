package io.plugboard.plugins.mqtt;

import io.plugboard.sdk.outbound.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds outgoing messages and unique names for the tests. */
final class TestMessages {

    static final String BROKER = "tcp://127.0.0.1:1883";

    private TestMessages() {}

    /** @return a topic prefix no other run uses */
    static String uniqueTopic(String test) {
        return "plugboard-test/" + test + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return a message to the given settings, with the Standard Webhooks headers and a custom one */
    static OutgoingMessage message(String eventId, String body, Map<String, String> settings) {
        return new OutgoingMessage("wh_test", eventId, "payment_received", Instant.parse("2026-01-02T03:04:05Z"), 1,
                "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of("webhook-id", eventId, "webhook-timestamp", "1767323045",
                        "webhook-signature", "v1,c2lnbmF0dXJl", "x-tenant", "acme"),
                settings);
    }
}
