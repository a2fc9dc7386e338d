package io.plugboard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier against the Standard Webhooks specification's published example. */
class TestWebhookVerifier {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

    private final WebhookVerifier verifier = WebhookVerifier.forSecret(SECRET);

    @Test
    void the_published_example_verifies_and_any_change_breaks_it() {
        assertThat(verifier.matches(ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY)).isTrue();
        assertThat(verifier.matches(ID, String.valueOf(TIMESTAMP + 1), SIGNATURE, BODY)).isFalse();
        assertThat(verifier.matches("msg_other", String.valueOf(TIMESTAMP), SIGNATURE, BODY)).isFalse();
        assertThat(verifier.matches(ID, String.valueOf(TIMESTAMP), SIGNATURE, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(verifier.verify(ID, String.valueOf(TIMESTAMP), "v1,bm9wZQ== " + SIGNATURE, BODY, THEN,
                WebhookVerifier.DEFAULT_TOLERANCE)).isEqualTo(ID);
    }

    @Test
    void the_position_of_the_signing_secret_tells_a_rotation_apart() {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(WebhookVerifier.forSecrets(List.of(other, SECRET)).matchingSecret(ID, TIMESTAMP, SIGNATURE, BODY))
                .isEqualTo(1);
        assertThat(WebhookVerifier.forSecret(other).matchingSecret(ID, TIMESTAMP, SIGNATURE, BODY)).isEqualTo(-1);
    }

    @Test
    void a_receiver_is_told_what_is_missing_or_wrong() {
        assertThatThrownBy(() -> verifier.verify(null, "1", SIGNATURE, BODY, THEN, Duration.ofMinutes(5)))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("webhook-id header is missing");
        assertThatThrownBy(() -> verifier.verify(ID, "soon", SIGNATURE, BODY, THEN, Duration.ofMinutes(5)))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> verifier.verify(ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY,
                THEN.plusSeconds(301), Duration.ofMinutes(5)))
                .hasMessageContaining("301 s away from now");
        assertThatThrownBy(() -> verifier.verify(ID, String.valueOf(TIMESTAMP), "v1,bm9wZQ==", BODY, THEN,
                Duration.ofMinutes(5)))
                .hasMessageContaining("no v1 signature").hasMessageNotContaining("MfKQ");
    }

    @Test
    void malformed_secrets_are_refused_up_front() {
        assertThatThrownBy(() -> WebhookVerifier.forSecret("whsec_!!!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> WebhookVerifier.forSecret("whsec_")).hasMessageContaining("empty");
        assertThatThrownBy(() -> WebhookVerifier.forSecrets(List.of())).hasMessageContaining("at least one");
    }
}
