package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.delivery.Signer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSignature {

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        String signature = Signer.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretSpaceSeparated() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String a = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String b = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String header = Signer.header(List.of(a, b), "evt_1", 1700000000, body);
        assertThat(header.split(" ")).containsExactly(Signer.sign(a, "evt_1", 1700000000, body),
                Signer.sign(b, "evt_1", 1700000000, body));
        assertThat(Signer.sign(a, "evt_1", 1700000001, body)).as("the timestamp is signed")
                .isNotEqualTo(Signer.sign(a, "evt_1", 1700000000, body));
    }
}
