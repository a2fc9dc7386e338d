package io.plugboard.plugins.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify() refuses unusable settings by key; describe() never shows credentials. No server needed. */
class TestNatsSettings {

    private final NatsDestination destination = new NatsDestination();

    @Test
    void declares_its_id_and_settings_with_the_password_and_token_secret() {
        assertThat(destination.id()).isEqualTo("nats");
        assertThat(destination.settings()).extracting(Setting::key)
                .containsExactly("servers", "subject", "username", "password", "token");
        assertThat(destination.settings()).filteredOn(Setting::secret).extracting(Setting::key)
                .containsExactly("password", "token");
    }

    @Test
    void usable_settings_pass() {
        assertThatCode(() -> destination.verify(Map.of("servers", "nats://a:4222, tls://b:4222",
                "subject", "events.{{type}}"))).doesNotThrowAnyException();
    }

    @Test
    void a_server_of_another_scheme_is_refused_by_key() {
        assertThatThrownBy(() -> destination.verify(Map.of("servers", "nats://a:4222,http://b", "subject", "s")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("servers"));
    }

    @Test
    void no_server_and_a_wildcard_subject_are_both_named() {
        assertThatThrownBy(() -> destination.verify(Map.of("servers", " , ", "subject", "events.>")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("servers", "subject"));
    }

    @Test
    void a_blank_subject_is_refused() {
        assertThatThrownBy(() -> destination.verify(Map.of("servers", "nats://a:4222", "subject", " ")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("subject"));
    }

    @Test
    void a_token_with_a_username_is_refused() {
        assertThatThrownBy(() -> destination.verify(Map.of("servers", "nats://a:4222", "subject", "s",
                "username", "u", "token", "t")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("token"));
    }

    @Test
    void describe_shows_servers_and_subject_without_credentials() {
        assertThat(destination.describe(Map.of("servers", "nats://u:secret@a:4222,nats://b:4223",
                "subject", "events.{{type}}", "password", "pw")))
                .isEqualTo("nats://a:4222,nats://b:4223 subject \"events.{{type}}\"");
    }
}
