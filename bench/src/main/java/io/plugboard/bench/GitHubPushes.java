package io.plugboard.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub {@code push} requests as GitHub sends them, for the inbound part's signed row: one body, signed
 * once with a random secret ({@code X-Hub-Signature-256}: signing is the sender's cost, not the host's),
 * and a new {@code X-GitHub-Delivery} for every request, since the host emits a delivery id only once.
 */
final class GitHubPushes {

    private static final String SHA = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";

    /**
     * The smallest push the receiver's {@code github.push} schema accepts (ref, before, after, commits,
     * pusher, repository), so that the body is as close as it gets to the generic JSON row's.
     */
    static final String BODY = "{\"ref\":\"refs/heads/main\",\"before\":\"" + SHA + "\",\"after\":\"" + SHA
            + "\",\"commits\":[],\"pusher\":{\"name\":\"ada\"},\"repository\":{\"id\":1296269,\"full_name\":\"ada/shop\"}}";

    private final String secret = "bench-" + UUID.randomUUID();
    private final String signature = "sha256=" + HexFormat.of().formatHex(hmac(secret, BODY));
    /** Unique within a host: every inbound webhook of the run gets deliveries from this one counter. */
    private final AtomicLong deliveries = new AtomicLong();

    /** @return the inbound webhook's {@code secret} setting */
    String secret() {
        return secret;
    }

    byte[] body() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }

    /** @return the headers GitHub sends with a push (Content-Type comes with the body), with a fresh delivery id */
    Map<String, String> headers(int index) {
        // GitHub's delivery ids are GUIDs; this one keeps the form and length and counts in its last group.
        String delivery = String.format(Locale.ROOT, "72d3162e-cc78-11e3-81ab-%012d", deliveries.incrementAndGet());
        return Map.of("User-Agent", "GitHub-Hookshot/044aadd", "X-GitHub-Event", "push", "X-GitHub-Delivery", delivery,
                "X-GitHub-Hook-ID", "123456789", "X-Hub-Signature-256", signature);
    }

    /** @return how many delivery ids were handed out, i.e. how many distinct pushes were sent */
    long sent() {
        return deliveries.get();
    }

    private static byte[] hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
