package io.plugboard.plugins.awssns;

import static io.plugboard.plugins.awssns.SnsFixtures.sample;
import static io.plugboard.plugins.awssns.SnsFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed SubscriptionConfirmations: confirmed against a local stand-in for SNS, or recorded for a person. */
class TestSnsSubscriptions {

    private final SnsKeys keys = SnsKeys.get();
    private final AwsSnsReceiver receiver = new AwsSnsReceiver();
    private LocalSns sns;

    @BeforeEach
    void start() throws Exception {
        sns = new LocalSns(keys);
    }

    @AfterEach
    void stop() {
        sns.close();
    }

    private String confirmation(String subscribeUrl) {
        ObjectNode message = sample("subscription-confirmation");
        message.put("SubscribeURL", subscribeUrl);
        return signed(message, sns.url("/cert.pem"), "1", keys.signerKey);
    }

    private ReceiveResult post(String body, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(SnsFixtures.localSettings(keys));
        settings.putAll(extra);
        return receiver.parse(InboundRequest.builder().header("x-amz-sns-message-type", "SubscriptionConfirmation")
                .body(body).settings(settings).build());
    }

    @Test
    void autoConfirmVisitsTheSubscribeUrl() {
        String url = sns.url("/confirm?Action=ConfirmSubscription&Token=t0k3n");

        ReceiveResult result = post(confirmation(url), Map.of(SnsSettings.AUTO_CONFIRM, "true"));

        assertThat(result.handshake()).hasValueSatisfying(h -> assertThat(h.status()).isEqualTo(200));
        assertThat(result.events()).isEmpty();
        assertThat(sns.confirmations).containsExactly("Action=ConfirmSubscription&Token=t0k3n");
    }

    @Test
    void withoutAutoConfirmNothingIsVisitedAndTheUrlIsInTheError() {
        String url = sns.url("/confirm?Action=ConfirmSubscription&Token=t0k3n");
        assertThatThrownBy(() -> post(confirmation(url), Map.of())).isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("open " + url);
        assertThat(sns.confirmations).isEmpty();
    }

    @Test
    void aSubscribeUrlOnAHostNotAllowedIsNotVisited() {
        String url = "https://sns.us-west-2.amazonaws.com.evil.example/?Action=ConfirmSubscription&Token=x";
        assertThatThrownBy(() -> post(confirmation(url), Map.of(SnsSettings.AUTO_CONFIRM, "true")))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("does not match allowed_hosts")
                .hasMessageContaining("open " + url);
    }

    @Test
    void aFailedConfirmationSaysWhyAndKeepsTheUrl() {
        String url = sns.url("/nothing-here?Token=x");
        assertThatThrownBy(() -> post(confirmation(url), Map.of(SnsSettings.AUTO_CONFIRM, "true")))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("SNS answered HTTP 404")
                .hasMessageContaining("open " + url);
    }
}
