package io.plugboard.testkit;

import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Checks a message a destination plugin delivered — on a queue, a stream, a topic — as a receiver would:
 * its body is the standard envelope {@code {"id","type","timestamp","data"}} and its Standard Webhooks
 * headers carry a signature the SDK's {@link WebhookVerifier} accepts with the webhook's secret.
 * (For HTTP deliveries, {@link CapturedRequest#assertSignedWith} does the same.)
 */
public final class SignedMessage {

    private static final List<String> ENVELOPE = List.of("id", "type", "timestamp", "data");

    private SignedMessage() {}

    /**
     * @param body the message's body, exactly as received
     * @param header a message header by name ({@code webhook-id}, {@code webhook-timestamp},
     *     {@code webhook-signature}), null when absent
     * @param secret the webhook's signing secret, {@code whsec_…}
     * @return the envelope, e.g. {@code .string("id")} or {@code .object("data")}
     * @throws AssertionError saying what is wrong: not the envelope, a header missing, no signature matching
     */
    public static JsonObject assertStandardEnvelope(byte[] body, UnaryOperator<String> header, String secret) {
        JsonObject envelope;
        try {
            envelope = Json.parseObject(new String(body, StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new AssertionError("the message body is not a JSON object: " + e.getMessage());
        }
        if (!List.copyOf(envelope.keys()).equals(ENVELOPE)) {
            throw new AssertionError("the body is not the standard envelope " + ENVELOPE + ": " + envelope.keys());
        }
        String id = header.apply("webhook-id");
        if (!envelope.string("id").equals(id)) {
            throw new AssertionError("the webhook-id header (" + id + ") is not the envelope's id " + envelope.string("id"));
        }
        try {
            WebhookVerifier.forSecret(secret).verify(id, header.apply("webhook-timestamp"),
                    header.apply("webhook-signature"), body, Instant.now(), WebhookVerifier.DEFAULT_TOLERANCE);
        } catch (RejectedRequestException e) {
            throw new AssertionError("the signature of message " + id + " is refused: " + e.getMessage());
        }
        return envelope;
    }
}
