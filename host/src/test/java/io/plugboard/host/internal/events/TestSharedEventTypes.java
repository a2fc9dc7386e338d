package io.plugboard.host.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.common.Json;
import io.plugboard.sdk.EventType;
import org.junit.jupiter.api.Test;

/**
 * One event type declared identically by several plugins (the monitoring receivers' {@code alert_firing}):
 * shared while any of them is active; a different definition under the same key is still refused.
 */
class TestSharedEventTypes {

    private final EventTypeCompiler compiler = new EventTypeCompiler(Json.newMapper());
    private final EventTypeRegistry registry = new EventTypeRegistry();

    private RegisteredEventType alert(String plugin, String description) {
        return compiler.compile(EventType.builder("alert_firing").name("Alert firing").group("Monitoring")
                .description(description).sample("{\"title\":\"Disk full\"}")
                .schema("{\"type\":\"object\",\"required\":[\"title\"]}").build(), plugin);
    }

    @Test
    void anIdenticalDeclarationSharesTheTypeUntilItsLastContributorStops() {
        registry.register(alert("grafana-receiver", "An alert started firing."));
        registry.register(alert("zabbix-receiver", "An alert started firing."));
        assertThat(registry.keysOf("zabbix-receiver")).containsExactly("alert_firing");
        assertThat(registry.find("alert_firing").orElseThrow().pluginId()).isEqualTo("grafana-receiver");

        registry.unregisterAll("grafana-receiver");
        assertThat(registry.find("alert_firing").orElseThrow().pluginId()).as("the next contributor shows")
                .isEqualTo("zabbix-receiver");
        assertThat(registry.keysOf("grafana-receiver")).isEmpty();
        registry.unregisterAll("zabbix-receiver");
        assertThat(registry.contains("alert_firing")).isFalse();
    }

    @Test
    void anotherDefinitionUnderTheSameKeyIsRefusedNamingBoth() {
        registry.register(alert("grafana-receiver", "An alert started firing."));
        assertThatThrownBy(() -> registry.register(alert("other", "Something else.")))
                .isInstanceOf(InvalidEventTypeException.class)
                .hasMessage("event type 'alert_firing' from plugin 'other' was refused: plugin 'grafana-receiver' "
                        + "already registered it with another definition");
        assertThatThrownBy(() -> registry.register(alert("grafana-receiver", "An alert started firing.")))
                .as("the same plugin twice").isInstanceOf(InvalidEventTypeException.class);
        assertThat(registry.keysOf("other")).isEmpty();
    }
}
