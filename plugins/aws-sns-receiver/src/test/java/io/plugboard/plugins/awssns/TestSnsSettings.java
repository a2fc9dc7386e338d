package io.plugboard.plugins.awssns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings' checks, and the allowed-hosts patterns. */
class TestSnsSettings {

    private final AwsSnsReceiver receiver = new AwsSnsReceiver();

    @Test
    void theDefaultsAreValidAndProtective() {
        SnsSettings settings = SnsSettings.read(Map.of());
        assertThat(settings.verifySignatures()).isTrue();
        assertThat(settings.allowHttp()).isFalse();
        assertThat(settings.autoConfirm()).isFalse();
        assertThat(settings.maxAge().toSeconds()).isEqualTo(3600);
        assertThat(receiver.settings()).extracting(s -> s.key()).contains(SnsSettings.TRUST_ANCHORS, SnsSettings.ALLOWED_HOSTS);
    }

    @Test
    void refusesPlainHttpWithoutTrustAnchors() {
        assertRefused(Map.of(SnsSettings.ALLOW_HTTP, "true"), SnsSettings.ALLOW_HTTP);
    }

    @Test
    void refusesBadValuesNamingTheSetting() {
        assertRefused(Map.of(SnsSettings.ALLOWED_HOSTS, "sns.*.amazonaws.com/evil"), SnsSettings.ALLOWED_HOSTS);
        assertRefused(Map.of(SnsSettings.TRUST_ANCHORS, "not a pem"), SnsSettings.TRUST_ANCHORS);
        assertRefused(Map.of(SnsSettings.TOPIC_ARNS, "MyTopic"), SnsSettings.TOPIC_ARNS);
        assertRefused(Map.of(SnsSettings.MAX_AGE_SECONDS, "5"), SnsSettings.MAX_AGE_SECONDS);
        assertRefused(Map.of(SnsSettings.OTHER_MESSAGES, "keep"), SnsSettings.OTHER_MESSAGES);
    }

    @Test
    void aStarStandsForOneLabelAndOnlyHttpsPassesByDefault() {
        HostPattern hosts = HostPattern.parse("sns.*.amazonaws.com");
        assertThat(hosts.refusal("https://sns.eu-west-1.amazonaws.com/cert.pem", false)).isNull();
        assertThat(hosts.refusal("https://SNS.EU-WEST-1.amazonaws.com/cert.pem", false)).isNull();
        assertThat(hosts.refusal("https://sns.a.b.amazonaws.com/cert.pem", false)).isNotNull();
        assertThat(hosts.refusal("https://sns.eu-west-1.amazonaws.com.evil.example/", false)).isNotNull();
        assertThat(hosts.refusal("https://evilsns.eu-west-1.amazonaws.com/", false)).isNotNull();
        assertThat(hosts.refusal("http://sns.eu-west-1.amazonaws.com/cert.pem", false)).contains("https");
        assertThat(hosts.refusal("https://x@sns.eu-west-1.amazonaws.com/", false)).contains("user information");
        assertThat(HostPattern.parse("127.0.0.1").refusal("http://127.0.0.1:8080/c.pem", true)).isNull();
    }

    private void assertRefused(Map<String, String> settings, String key) {
        assertThatThrownBy(() -> receiver.verify(settings)).isInstanceOfSatisfying(InvalidSettingsException.class,
                e -> assertThat(e.problems()).containsKey(key));
    }
}
