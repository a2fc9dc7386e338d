package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.delivery.Signer;
import io.plugboard.sdk.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the SDK's verifier, which {@link CapturedRequest} uses, against the host's signer: two
 * implementations of one wire format.
 */
class TestWebhookVerifier {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signature_from_the_host_verifies_and_any_change_breaks_it() {
        String header = Signer.sign(SECRET, "evt_1", 1_700_000_000L, BODY);
        WebhookVerifier verifier = WebhookVerifier.forSecret(SECRET);

        assertThat(verifier.matches("evt_1", "1700000000", header, BODY)).isTrue();
        assertThat(WebhookVerifier.forSecret(SECRET.substring(6)).matches("evt_1", "1700000000", header, BODY)).isTrue();
        assertThat(WebhookVerifier.forSecret(OTHER).matches("evt_1", "1700000000", header, BODY)).isFalse();
        assertThat(verifier.matches("evt_2", "1700000000", header, BODY)).isFalse();
        assertThat(verifier.matches("evt_1", "1700000001", header, BODY)).isFalse();
        assertThat(verifier.matches("evt_1", "1700000000", header, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void a_rotating_sender_signs_with_both_secrets_and_either_verifies() {
        String header = Signer.header(List.of(OTHER, SECRET), "evt_1", 5L, BODY);

        assertThat(WebhookVerifier.forSecrets(List.of(SECRET, OTHER)).matchingSecret("evt_1", 5L, header, BODY))
                .isZero();
        assertThat(WebhookVerifier.forSecret(SECRET).matches("evt_1", "5", "v1,not-base64!! v2,abc", BODY)).isFalse();
        assertThat(WebhookVerifier.forSecret(SECRET).matches(null, "5", header, BODY)).isFalse();
    }

    @Test
    void a_captured_request_checks_its_own_signature_and_a_malformed_secret_is_false() {
        String header = Signer.sign(SECRET, "evt_1", 7L, BODY);
        CapturedRequest request = new CapturedRequest("POST", "/", Map.of("webhook-id", List.of("evt_1"),
                "webhook-timestamp", List.of("7"), "webhook-signature", List.of(header)), BODY);

        assertThat(request.hasValidSignature(SECRET)).isTrue();
        assertThat(request.hasValidSignature(OTHER)).isFalse();
        assertThat(request.hasValidSignature("whsec_***")).isFalse();
    }
}
