package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** verify() refuses unusable settings by key; describe() never shows credentials. No broker needed. */
class TestRabbitMqSettings {

    private final RabbitMqDestination destination = new RabbitMqDestination();

    @Test
    void declares_its_id_and_settings_with_the_password_secret() {
        assertThat(destination.id()).isEqualTo("rabbitmq");
        assertThat(destination.settings()).extracting(Setting::key)
                .containsExactly("uri", "username", "password", "exchange", "routing_key");
        assertThat(destination.settings()).filteredOn(Setting::secret).extracting(Setting::key).containsExactly("password");
    }

    @Test
    void usable_settings_pass() {
        assertThatCode(() -> destination.verify(Map.of("uri", "amqps://mq.example.com:5671/prod", "exchange", "",
                "routing_key", "events.{{type}}"))).doesNotThrowAnyException();
    }

    @Test
    void a_uri_of_another_scheme_is_refused_by_key() {
        assertThatThrownBy(() -> destination.verify(Map.of("uri", "http://127.0.0.1:5672", "routing_key", "k")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("uri"));
    }

    @Test
    void a_malformed_uri_and_a_blank_routing_key_are_both_named() {
        assertThatThrownBy(() -> destination.verify(Map.of("uri", "amqp://bad host/", "routing_key", "  ")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("uri", "routing_key"));
    }

    @Test
    void a_uri_without_host_is_refused() {
        assertThatThrownBy(() -> destination.verify(Map.of("uri", "amqp:///vhost", "routing_key", "k")))
                .isInstanceOfSatisfying(InvalidSettingsException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("uri"));
    }

    @Test
    void describe_shows_the_broker_exchange_and_routing_key_without_credentials() {
        String described = destination.describe(Map.of("uri", "amqp://admin:s3cret@mq.local:5672/%2F",
                "exchange", "events", "routing_key", "plugboard.{{type}}"));

        assertThat(described).isEqualTo("amqp://mq.local:5672/%2F exchange \"events\" routing key \"plugboard.{{type}}\"");
    }
}
