package io.plugboard.plugins.standardwebhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.InvalidSettingsException;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The receiver alone: signatures computed here independently, as any Standard Webhooks sender would. */
class TestStandardWebhooksReceiver {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String BODY = "{\"type\":\"invoice.paid\",\"timestamp\":\"2026-11-22T09:59:58Z\",\"data\":{\"id\":\"in_1\",\"amount\":12.50}}";

    final StandardWebhooksReceiver receiver = new StandardWebhooksReceiver();

    @Test
    void aCorrectlySignedRequestGivesTheEnvelopesTypeDataIdAndTime() {
        ReceiveResult result = receiver.parse(request("msg_1", NOW.minusSeconds(299), "v1,bogus " + sign(SECRET, "msg_1",
                NOW.minusSeconds(299), BODY), BODY));
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("invoice.paid");
            assertThat(e.dataJson()).isEqualTo("{\"id\":\"in_1\",\"amount\":12.50}");
            assertThat(e.externalId()).contains("msg_1");
            assertThat(e.occurredAt()).contains(Instant.parse("2026-11-22T09:59:58Z"));
        });
    }

    @Test
    void timestampsBeyondFiveMinutesEitherWayAreRefused() {
        for (Instant at : new Instant[] {NOW.minusSeconds(301), NOW.plusSeconds(301)}) {
            assertThatThrownBy(() -> receiver.parse(request("m", at, sign(SECRET, "m", at, BODY), BODY)))
                    .isInstanceOf(RejectedRequestException.class).hasMessageContaining("webhook-timestamp");
        }
    }

    @Test
    void aChangedBodyOrIdOrAnotherSecretIsRefused() {
        String signature = sign(SECRET, "m", NOW, BODY);
        assertThatThrownBy(() -> receiver.parse(request("m", NOW, signature, BODY.replace("12.50", "1250"))))
                .isInstanceOf(RejectedRequestException.class);
        assertThatThrownBy(() -> receiver.parse(request("m2", NOW, signature, BODY))).isInstanceOf(RejectedRequestException.class);
        String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> receiver.parse(request("m", NOW, sign(other, "m", NOW, BODY), BODY)))
                .isInstanceOf(RejectedRequestException.class);
        assertThatThrownBy(() -> receiver.parse(InboundRequest.builder().receivedAt(NOW).settings(Map.of("secret", SECRET))
                .body(BODY).build())).isInstanceOf(RejectedRequestException.class).hasMessageContaining("webhook-id");
    }

    @Test
    void aSignedBodyWithoutTypeOrDataIsUnparseable() {
        String body = "{\"type\":\"x\",\"data\":[1]}";
        assertThatThrownBy(() -> receiver.parse(request("m", NOW, sign(SECRET, "m", NOW, body), body)))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("data");
    }

    @Test
    void verifyChecksTheSecretsFormat() {
        receiver.verify(Map.of("secret", SECRET));
        for (String bad : new String[] {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!!", "whsec_c2hvcnQ="}) {
            assertThatThrownBy(() -> receiver.verify(Map.of("secret", bad))).isInstanceOf(InvalidSettingsException.class)
                    .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsKey("secret"));
        }
    }

    private static InboundRequest request(String id, Instant at, String signature, String body) {
        return InboundRequest.builder().receivedAt(NOW).settings(Map.of("secret", SECRET)).body(body)
                .header("Webhook-Id", id).header("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .header("WEBHOOK-SIGNATURE", signature).build();
    }

    private static String sign(String secret, String id, Instant at, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + at.getEpochSecond() + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
