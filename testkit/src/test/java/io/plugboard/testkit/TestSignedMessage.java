package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.delivery.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SignedMessage} against messages signed by the host's own signer. */
class TestSignedMessage {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String ENVELOPE = "{\"id\":\"evt_1\",\"type\":\"order_paid\",\"timestamp\":\"2026-12-05T10:00:00Z\","
            + "\"data\":{\"order_id\":\"ord_1\",\"total\":12.50}}";

    @Test
    void aSignedEnvelopeIsReturnedWithExactNumbers() {
        byte[] body = ENVELOPE.getBytes(StandardCharsets.UTF_8);

        var envelope = SignedMessage.assertStandardEnvelope(body, headers(body, "evt_1")::get, SECRET);

        assertThat(envelope.string("type")).isEqualTo("order_paid");
        assertThat(envelope.get("data.total").orElseThrow().toJson()).isEqualTo("12.50");
    }

    @Test
    void aChangedBodyAnotherIdOrAnotherShapeFailsSayingWhat() {
        byte[] body = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers(body, "evt_1");
        byte[] changed = ENVELOPE.replace("12.50", "12.51").getBytes(StandardCharsets.UTF_8);
        byte[] notEnvelope = "{\"id\":\"evt_1\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SignedMessage.assertStandardEnvelope(changed, headers::get, SECRET))
                .isInstanceOf(AssertionError.class).hasMessageContaining("signature of message evt_1 is refused");
        assertThatThrownBy(() -> SignedMessage.assertStandardEnvelope(body, headers(body, "evt_2")::get, SECRET))
                .isInstanceOf(AssertionError.class).hasMessageContaining("webhook-id header (evt_2)");
        assertThatThrownBy(() -> SignedMessage.assertStandardEnvelope(notEnvelope, headers(notEnvelope, "evt_1")::get, SECRET))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not the standard envelope");
    }

    @Test
    void awaitFailsWithTheLastValueSeen() {
        int[] looks = {0};

        assertThatThrownBy(() -> Await.until("three", java.time.Duration.ofMillis(50), () -> ++looks[0], n -> n < 0))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not within 50 ms: three; last seen: ");
        assertThat(Await.until("the second look", java.time.Duration.ofSeconds(5), () -> ++looks[0], n -> n > 0)).isPositive();
    }

    private static Map<String, String> headers(byte[] body, String id) {
        long now = Instant.now().getEpochSecond();
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(now),
                "webhook-signature", Signer.sign(SECRET, id, now, body));
    }
}
