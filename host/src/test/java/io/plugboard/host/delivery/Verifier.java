package io.plugboard.host.delivery;

import io.plugboard.host.testing.Receiver;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification independently
 * of the host's signer: HMAC-SHA256 of "id.timestamp.body" with the decoded secret, any v1 entry matching.
 */
final class Verifier {

    private Verifier() {}

    static boolean verifies(Receiver.Request r, String secret) {
        try {
            String id = r.header("webhook-id");
            String timestamp = r.header("webhook-timestamp");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            mac.update(prefix);
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
            return Arrays.stream(r.header("webhook-signature").split(" "))
                    .anyMatch(sig -> sig.equals("v1," + expected));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
