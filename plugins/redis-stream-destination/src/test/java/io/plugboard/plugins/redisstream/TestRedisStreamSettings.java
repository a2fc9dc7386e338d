package io.plugboard.plugins.redisstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.settings.InvalidSettingsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code verify} refuses unusable settings, naming the setting, without connecting anywhere. */
class TestRedisStreamSettings {

    private final RedisStreamDestination destination = new RedisStreamDestination();

    @Test
    void acceptsTheDefaultsWithAStreamAndTlsUsersAndDatabases() {
        assertThatCode(() -> destination.verify(Map.of(RedisStreamSettings.STREAM, "plugboard:{{type}}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> destination.verify(Map.of(RedisStreamSettings.URI_KEY, "rediss://app@cache.example:6380/2",
                RedisStreamSettings.PASSWORD, " p w ", RedisStreamSettings.STREAM, "s", RedisStreamSettings.MAX_LENGTH, "0")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingStream() {
        assertRefused(Map.of(), RedisStreamSettings.STREAM, "required");
    }

    @Test
    void refusesOtherSchemesPasswordsInTheUriAndBadDatabases() {
        assertRefused(Map.of(RedisStreamSettings.STREAM, "s", RedisStreamSettings.URI_KEY, "http://127.0.0.1:6379"),
                RedisStreamSettings.URI_KEY, "redis://");
        assertRefused(Map.of(RedisStreamSettings.STREAM, "s", RedisStreamSettings.URI_KEY, "redis://:secret@127.0.0.1"),
                RedisStreamSettings.URI_KEY, "password setting");
        assertRefused(Map.of(RedisStreamSettings.STREAM, "s", RedisStreamSettings.URI_KEY, "redis://127.0.0.1:6379/x"),
                RedisStreamSettings.URI_KEY, "database");
        assertRefused(Map.of(RedisStreamSettings.STREAM, "s", RedisStreamSettings.URI_KEY, "redis://bad host"),
                RedisStreamSettings.URI_KEY, "not a valid");
    }

    @Test
    void refusesANegativeOrNonNumericMaxLength() {
        assertRefused(Map.of(RedisStreamSettings.STREAM, "s", RedisStreamSettings.MAX_LENGTH, "-1"),
                RedisStreamSettings.MAX_LENGTH, "0");
        assertRefused(Map.of(RedisStreamSettings.STREAM, "s", RedisStreamSettings.MAX_LENGTH, "lots"),
                RedisStreamSettings.MAX_LENGTH, "whole number");
    }

    @Test
    void namesEveryWrongSettingAtOnceAndNeverTheSecret() {
        assertThatThrownBy(() -> destination.verify(Map.of(RedisStreamSettings.URI_KEY, "redis://:hunter2@h",
                RedisStreamSettings.MAX_LENGTH, "x")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys(RedisStreamSettings.URI_KEY, RedisStreamSettings.STREAM, RedisStreamSettings.MAX_LENGTH))
                .message().doesNotContain("hunter2");
    }

    @Test
    void describesWithoutThePassword() {
        assertThat(destination.describe(Map.of(RedisStreamSettings.URI_KEY, "redis://app@127.0.0.1",
                RedisStreamSettings.PASSWORD, "hunter2", RedisStreamSettings.STREAM, "events")))
                .isEqualTo("redis://app@127.0.0.1:6379 stream \"events\"");
    }

    private void assertRefused(Map<String, String> settings, String key, String words) {
        assertThatThrownBy(() -> destination.verify(settings))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .containsKey(key).extractingByKey(key).asString().contains(words));
    }
}
