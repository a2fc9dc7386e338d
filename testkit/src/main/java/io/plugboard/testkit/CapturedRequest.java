package io.plugboard.testkit;

import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request the {@link CaptureEndpoint} received: what a webhook endpoint would see. Header names
 * are lower case. For a delivery the body is the Standard Webhooks envelope
 * {@code {"id", "type", "timestamp", "data"}}.
 *
 * @param method the HTTP method, {@code POST} for deliveries
 * @param path the request path with its query
 * @param headers every header, names in lower case
 * @param body the raw body bytes, exactly as signed
 */
public record CapturedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {

    /** Copies the header map so the record stays immutable. */
    public CapturedRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** @return the raw body bytes (a copy) */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * @param name a header name, any case
     * @return its first value, or {@code null} if absent
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @return the body as the SDK's JSON object, numbers exact (e.g. {@code json().string("type")})
     * @throws AssertionError if it is not a JSON object
     */
    public JsonObject json() {
        try {
            return Json.parseObject(bodyText());
        } catch (JsonException e) {
            throw new AssertionError("the request body is not a JSON object (" + e.getMessage() + "): " + bodyText(), e);
        }
    }

    /** @return the envelope's {@code type}: the event key, or null if it has none */
    public String eventType() {
        return json().optionalString("type").orElse(null);
    }

    /** @return the {@code webhook-id} header: the event id, the same on every retry */
    public String eventId() {
        return header("webhook-id");
    }

    /**
     * @return the envelope's {@code data}: the event's payload, e.g. {@code data().string("customer.email")}
     * @throws AssertionError if the body has no {@code data} object
     */
    public JsonObject data() {
        try {
            return json().object("data");
        } catch (JsonException e) {
            throw new AssertionError("the request has no data object (" + e.getMessage() + "): " + bodyText(), e);
        }
    }

    /**
     * Checks the Standard Webhooks signature of this request.
     *
     * @param secret the webhook's signing secret, {@code whsec_…}
     * @return true if one of the {@code webhook-signature} values is the HMAC of this request
     */
    public boolean hasValidSignature(String secret) {
        WebhookVerifier verifier;
        try {
            verifier = WebhookVerifier.forSecret(secret);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifier.matches(header("webhook-id"), header("webhook-timestamp"), header("webhook-signature"), body);
    }

    /**
     * Like {@link #hasValidSignature}, but fails with a message that says what is wrong.
     *
     * @param secret the webhook's signing secret
     * @return this request
     * @throws AssertionError if the signature headers are missing or no signature matches
     */
    public CapturedRequest assertSignedWith(String secret) {
        for (String name : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
            if (header(name) == null) {
                throw new AssertionError("the request has no " + name + " header; headers: " + headers.keySet());
            }
        }
        if (!hasValidSignature(secret)) {
            throw new AssertionError("no webhook-signature value matches the secret: " + header("webhook-signature"));
        }
        return this;
    }
}
