package io.plugboard.plugins.github;

import io.plugboard.sdk.inbound.InboundRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/** Builds requests as GitHub sends them, signed by GitHub's documented algorithm. */
final class GitHubRequests {

    static final String SECRET = "It's a Secret to Everybody";

    private GitHubRequests() {}

    /** @return {@code sha256=} and the hex HMAC-SHA256 of the body under the secret, as GitHub computes it */
    static String signature(String secret, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a request GitHub would send for this event, signed with {@link #SECRET} */
    static InboundRequest.Builder signed(String event, String delivery, String body) {
        return InboundRequest.builder().header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery)
                .header("X-GitHub-Hook-ID", "123456789").header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(SECRET, body)).body(body)
                .settings(Map.of("secret", SECRET, "unknown_events", "other"));
    }

    /** @param path a resource path, e.g. {@code /github-docs/push.json} @return its text */
    static String resource(String path) {
        try (InputStream in = GitHubRequests.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
