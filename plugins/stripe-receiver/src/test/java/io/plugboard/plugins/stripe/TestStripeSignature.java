package io.plugboard.plugins.stripe;

import static io.plugboard.plugins.stripe.StripeRequests.OLD_SECRET;
import static io.plugboard.plugins.stripe.StripeRequests.SECRET;
import static io.plugboard.plugins.stripe.StripeRequests.header;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stripe-Signature as Stripe documents it: v1 over t.body, several secrets and signatures, tolerance. */
class TestStripeSignature {

    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"customer.created\"}";
    private static final byte[] BYTES = BODY.getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofSeconds(300);
    private static final long T = NOW.getEpochSecond();

    @Test
    void accepts_a_v1_made_with_any_of_the_secrets_among_several_signatures() {
        assertThatCode(() -> StripeSignature.check(header(T, BODY, SECRET), BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .doesNotThrowAnyException();
        // Stripe rolling its secret: two v1s, one per secret; we know only the new one.
        assertThatCode(() -> StripeSignature.check(header(T, BODY, OLD_SECRET, SECRET), BYTES, List.of(SECRET), NOW,
                FIVE_MINUTES)).doesNotThrowAnyException();
        // Our rotation: both secrets in the setting, Stripe still signs with the old one.
        assertThatCode(() -> StripeSignature.check(header(T, BODY, OLD_SECRET), BYTES, List.of(SECRET, OLD_SECRET), NOW,
                FIVE_MINUTES)).doesNotThrowAnyException();
    }

    @Test
    void refuses_another_secret_a_changed_body_or_only_a_v0() {
        assertThatThrownBy(() -> StripeSignature.check(header(T, BODY, OLD_SECRET), BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("does not match the body")
                .hasMessageNotContaining(SECRET).hasMessageNotContaining(OLD_SECRET);
        byte[] changed = BODY.replace("evt_1", "evt_2").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> StripeSignature.check(header(T, BODY, SECRET), changed, List.of(SECRET), NOW, FIVE_MINUTES))
                .isInstanceOf(RejectedRequestException.class);
        String v0Only = "t=" + T + ",v0=" + StripeRequests.v1(SECRET, T, BODY);
        assertThatThrownBy(() -> StripeSignature.check(v0Only, BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .hasMessageContaining("no v1 signature");
    }

    @Test
    void refuses_a_stale_or_future_timestamp_even_when_signed() {
        long stale = T - 301;
        assertThatThrownBy(() -> StripeSignature.check(header(stale, BODY, SECRET), BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("301 s away")
                .hasMessageContaining("tolerance_seconds");
        assertThatCode(() -> StripeSignature.check(header(T - 300, BODY, SECRET), BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .doesNotThrowAnyException();
        long future = T + 3600;
        assertThatThrownBy(() -> StripeSignature.check(header(future, BODY, SECRET), BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("3600 s away");
    }

    @Test
    void says_what_is_missing_from_the_header() {
        assertThatThrownBy(() -> StripeSignature.check(null, BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("Stripe-Signature is missing");
        assertThatThrownBy(() -> StripeSignature.check("v1=abc", BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .hasMessageContaining("no timestamp");
        assertThatThrownBy(() -> StripeSignature.check("t=soon,v1=abc", BYTES, List.of(SECRET), NOW, FIVE_MINUTES))
                .hasMessageContaining("not a whole number");
    }
}
