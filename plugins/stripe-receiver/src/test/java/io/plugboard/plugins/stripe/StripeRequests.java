package io.plugboard.plugins.stripe;

import io.plugboard.sdk.inbound.InboundRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** Builds requests as Stripe sends them, signed by Stripe's documented scheme. */
final class StripeRequests {

    static final String SECRET = "whsec_test_5a8c2e1f9b7d4c3a6e0f1b2d3c4a5e6f";
    static final String OLD_SECRET = "whsec_test_0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld0l";

    private StripeRequests() {}

    /** @return the hex HMAC-SHA256 of {@code t + "." + body} under the secret, as Stripe computes a v1 */
    static String v1(String secret, long t, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a {@code Stripe-Signature} value with one v1 per secret and a (decoy) v0 */
    static String header(long t, String body, String... secrets) {
        StringBuilder header = new StringBuilder("t=").append(t);
        for (String secret : secrets) {
            header.append(",v1=").append(v1(secret, t, body));
        }
        return header.append(",v0=").append("6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39").toString();
    }

    /** @return the request Stripe would send now, signed with {@link #SECRET}, settings with that secret */
    static InboundRequest.Builder signed(String body, Instant now) {
        return InboundRequest.builder().header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", header(now.getEpochSecond(), body, SECRET)).body(body).receivedAt(now)
                .settings(Map.of("secret", SECRET, "tolerance_seconds", "300", "unknown_events", "other"));
    }

    /** @param path a resource path @return its text */
    static String resource(String path) {
        try (InputStream in = StripeRequests.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
