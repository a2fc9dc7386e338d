package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.delivery.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the testkit's verifier against the host's signer: two implementations of one wire format. */
class TestWebhookSignature {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signature_from_the_host_verifies_and_any_change_breaks_it() {
        String header = Signer.sign(SECRET, "evt_1", 1_700_000_000L, BODY);

        assertThat(WebhookSignature.verify(SECRET, "evt_1", "1700000000", header, BODY)).isTrue();
        assertThat(WebhookSignature.verify(SECRET.substring(6), "evt_1", "1700000000", header, BODY)).isTrue();
        assertThat(WebhookSignature.verify(OTHER, "evt_1", "1700000000", header, BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "evt_2", "1700000000", header, BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "evt_1", "1700000001", header, BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "evt_1", "1700000000", header, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void one_matching_value_among_several_is_enough_and_malformed_input_is_false_not_an_error() {
        String header = Signer.header(List.of(OTHER, SECRET), "evt_1", 5L, BODY);

        assertThat(WebhookSignature.verify(SECRET, "evt_1", "5", header, BODY)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "evt_1", "5", "v1,not-base64!! v2,abc", BODY)).isFalse();
        assertThat(WebhookSignature.verify("whsec_***", "evt_1", "5", header, BODY)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, "5", header, BODY)).isFalse();
    }
}
