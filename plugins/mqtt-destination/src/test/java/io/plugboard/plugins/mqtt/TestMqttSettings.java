package io.plugboard.plugins.mqtt;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code verify} refuses unusable settings, naming the setting, without connecting anywhere. */
class TestMqttSettings {

    private final MqttDestination destination = new MqttDestination();

    @Test
    void acceptsTheDefaultsWithATopicPattern() {
        assertThatCode(() -> destination.verify(Map.of(MqttSettings.TOPIC, "plugboard/{{type}}"))).doesNotThrowAnyException();
        assertThatCode(() -> destination.verify(Map.of(MqttSettings.SERVER, "wss://broker.example/mqtt",
                MqttSettings.TOPIC, "a/b", MqttSettings.USERNAME, "u", MqttSettings.PASSWORD, " p w ")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingTopicAndWildcards() {
        assertRefused(Map.of(), MqttSettings.TOPIC, "required");
        assertRefused(Map.of(MqttSettings.TOPIC, "events/+/paid"), MqttSettings.TOPIC, "wildcards");
        assertRefused(Map.of(MqttSettings.TOPIC, "events/#"), MqttSettings.TOPIC, "wildcards");
        assertRefused(Map.of(MqttSettings.TOPIC, "$SYS/x"), MqttSettings.TOPIC, "$");
    }

    @Test
    void refusesServersOtherThanTcpSslWsAndWss() {
        assertRefused(Map.of(MqttSettings.TOPIC, "t", MqttSettings.SERVER, "http://127.0.0.1:1883"), MqttSettings.SERVER, "tcp://");
        assertRefused(Map.of(MqttSettings.TOPIC, "t", MqttSettings.SERVER, "127.0.0.1:1883"), MqttSettings.SERVER, "tcp://");
        assertRefused(Map.of(MqttSettings.TOPIC, "t", MqttSettings.SERVER, "tcp://bad host:1883"), MqttSettings.SERVER, "not a valid");
        assertRefused(Map.of(MqttSettings.TOPIC, "t", MqttSettings.SERVER, "tcp://u:secret@host:1883"),
                MqttSettings.SERVER, "credentials");
    }

    @Test
    void refusesABadClientIdPrefixAndAPasswordWithoutUser() {
        assertRefused(Map.of(MqttSettings.TOPIC, "t", MqttSettings.CLIENT_ID_PREFIX, "has space"),
                MqttSettings.CLIENT_ID_PREFIX, "letters");
        assertRefused(Map.of(MqttSettings.TOPIC, "t", MqttSettings.PASSWORD, "secret"), MqttSettings.USERNAME, "password");
    }

    @Test
    void namesEveryWrongSettingAtOnceAndNeverTheSecret() {
        assertThatThrownBy(() -> destination.verify(Map.of(MqttSettings.SERVER, "ftp://x", MqttSettings.PASSWORD, "hunter2")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).containsOnlyKeys(MqttSettings.SERVER, MqttSettings.TOPIC, MqttSettings.USERNAME))
                .message().doesNotContain("hunter2");
    }

    private void assertRefused(Map<String, String> settings, String key, String words) {
        assertThatThrownBy(() -> destination.verify(settings))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problems()).containsKey(key).extractingByKey(key).asString().contains(words));
    }
}
