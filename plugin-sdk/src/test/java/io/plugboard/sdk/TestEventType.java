package io.plugboard.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestEventType {

    @ParameterizedTest
    @ValueSource(strings = {"payment_received", "a", "0", "order.created", "user-signed-up", "v2.item_9"})
    void acceptsValidKeys(String key) {
        assertThat(EventType.validateKey(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Payment", "_x", ".x", "-x", "a b", "pay/ment", "é", "a\n"})
    void refusesInvalidKeysWithTheRule(String key) {
        assertThatThrownBy(() -> EventType.validateKey(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event key");
    }

    @Test
    void refusesOverlongKeyAndNull() {
        assertThatThrownBy(() -> EventType.validateKey("a".repeat(EventType.MAX_KEY_LENGTH + 1)))
                .hasMessageContaining("at most " + EventType.MAX_KEY_LENGTH);
        assertThatThrownBy(() -> EventType.validateKey(null)).hasMessageContaining("must not be empty");
    }

    @Test
    void buildsWithDefaults() {
        EventType type = EventType.builder("thing_done").name(" Thing done ").sample("{}").build();
        assertThat(type.key()).isEqualTo("thing_done");
        assertThat(type.name()).isEqualTo("Thing done");
        assertThat(type.group()).isEqualTo("General");
        assertThat(type.description()).isEmpty();
        assertThat(type.schemaJson()).isEmpty();
    }

    @Test
    void requiresNameAndSample() {
        assertThatThrownBy(() -> EventType.builder("x").sample("{}").build()).hasMessageContaining("name");
        assertThatThrownBy(() -> EventType.builder("x").name("X").build()).hasMessageContaining("sample payload");
        assertThatThrownBy(() -> EventType.builder("x").name("X").sample("  ").build())
                .hasMessageContaining("sample payload");
    }

    @Test
    void readsSampleAndSchemaFromResources() {
        EventType type = EventType.builder("x").name("X")
                .sampleResource(TestEventType.class, "/samples/ok.json")
                .schemaResource(TestEventType.class, "/samples/ok.json")
                .build();
        assertThat(type.sampleJson()).contains("10.00 EUR");
        assertThat(type.schemaJson()).hasValueSatisfying(s -> assertThat(s).contains("amount"));
    }

    @Test
    void missingResourceNamesThePath() {
        assertThatThrownBy(() -> EventType.builder("x").sampleResource(TestEventType.class, "/nope.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nope.json");
    }

    @Test
    void valueEquality() {
        EventType a = EventType.builder("k").name("N").group("G").sample("{}").build();
        EventType b = EventType.builder("k").name("N").group("G").sample("{}").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(EventType.builder("k").name("Other").sample("{}").build());
    }
}
