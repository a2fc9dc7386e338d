package io.plugboard.plugins.awssns;

import static io.plugboard.plugins.awssns.SnsFixtures.alarm;
import static io.plugboard.plugins.awssns.SnsFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.RejectedRequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SNS signatures v1 and v2 with a generated key and a locally served certificate, and every refusal. */
class TestSnsSignatures {

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

    private ReceiveResult post(String body, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(SnsFixtures.localSettings(keys));
        settings.putAll(extra);
        return receiver.parse(InboundRequest.builder().header("x-amz-sns-message-type", "Notification")
                .body(body).settings(settings).build());
    }

    @Test
    void acceptsSignatureVersion1AndVersion2() {
        for (String version : new String[] {"1", "2"}) {
            ReceiveResult result = post(signed(alarm("ALARM"), sns.url("/cert.pem"), version, keys.signerKey), Map.of());
            assertThat(result.events()).as("version " + version).singleElement()
                    .satisfies(e -> assertThat(e.type()).isEqualTo("alert_firing"));
        }
    }

    @Test
    void refusesAChangedMessage() {
        ObjectNode message = alarm("ALARM");
        signed(message, sns.url("/cert.pem"), "2", keys.signerKey);
        message.put("TopicArn", "arn:aws:sns:us-west-2:123456789012:Other");
        assertRejected(message.toString(), Map.of(), "the signature does not match");
    }

    @Test
    void refusesACertificateUrlOnAHostNotAllowed() {
        String body = signed(alarm("ALARM"), "https://sns.us-west-2.amazonaws.com.evil.example/cert.pem", "2", keys.signerKey);
        assertRejected(body, Map.of(), "does not match allowed_hosts");
    }

    @Test
    void refusesAPlainHttpCertificateUrlUnlessAllowed() {
        String body = signed(alarm("ALARM"), sns.url("/cert.pem"), "2", keys.signerKey);
        assertRejected(body, Map.of(SnsSettings.ALLOW_HTTP, "false"), "not an https URL");
    }

    @Test
    void refusesACertificateThatDoesNotChainToTheTrustAnchors() {
        String body = signed(alarm("ALARM"), sns.url("/self-signed.pem"), "2", keys.signerKey);
        assertRejected(body, Map.of(), "does not chain to trust_anchors");
    }

    @Test
    void refusesAStaleOrFutureTimestamp() {
        String stale = SnsFixtures.signedAt(alarm("ALARM"), sns.url("/cert.pem"), "2", keys.signerKey,
                Instant.now().minus(Duration.ofMinutes(61)));
        assertRejected(stale, Map.of(), "max_age_seconds");
        String future = SnsFixtures.signedAt(alarm("ALARM"), sns.url("/cert.pem"), "2", keys.signerKey,
                Instant.now().plus(Duration.ofMinutes(10)));
        assertRejected(future, Map.of(SnsSettings.MAX_AGE_SECONDS, "300"), "max_age_seconds");
    }

    @Test
    void refusesAnUnknownSignatureVersionAndAMissingSignature() {
        ObjectNode v3 = alarm("ALARM");
        signed(v3, sns.url("/cert.pem"), "2", keys.signerKey);
        v3.put("SignatureVersion", "3");
        assertRejected(v3.toString(), Map.of(), "SignatureVersion");
        ObjectNode unsigned = alarm("ALARM");
        signed(unsigned, sns.url("/cert.pem"), "2", keys.signerKey);
        unsigned.remove("Signature");
        assertRejected(unsigned.toString(), Map.of(), "Signature is missing");
    }

    @Test
    void refusesATopicNotListed() {
        String body = signed(alarm("ALARM"), sns.url("/cert.pem"), "2", keys.signerKey);
        assertRejected(body, Map.of(SnsSettings.TOPIC_ARNS, "arn:aws:sns:us-west-2:123456789012:Mine"), "topic_arns");
        assertThat(post(body, Map.of(SnsSettings.TOPIC_ARNS, "arn:aws:sns:us-west-2:123456789012:MyTopic")).events())
                .hasSize(1);
    }

    @Test
    void anUnsignedSampleIsAcceptedOnlyWithVerificationOff() {
        String unsigned = alarm("ALARM").toString();
        assertRejected(unsigned, Map.of(), "Signature is not base64");
        assertThat(post(unsigned, Map.of(SnsSettings.VERIFY_SIGNATURES, "false")).events()).hasSize(1);
    }

    private void assertRejected(String body, Map<String, String> settings, String why) {
        assertThatThrownBy(() -> post(body, settings)).isInstanceOf(RejectedRequestException.class).hasMessageContaining(why);
    }
}
