package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.InvalidEventException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Emit-time schema checks in both modes, and a plugin run from its classes directory (development mode).
 */
class TestEmitValidationAndDevelopmentMode {

    /** {@code order_placed} requires {@code order_id} and {@code total}; this has neither. */
    private static final String BAD_ORDER = "{\"type\":\"order_placed\",\"data\":{\"note\":\"no id, no total\"}}";

    @Test
    void byDefaultDataThatBreaksTheSchemaIsRejected() {
        try (TestHost host = TestHost.start()) {
            Http.Response r = host.http().postJson("/api/v1/events", BAD_ORDER);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("does not match the schema of 'order_placed'");
            assertThatThrownBy(() -> host.host().events().emit("order_placed", Map.of("note", "x")))
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void inWarnModeSuchDataIsAcceptedAndStored() {
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.eventDataCheck(Plugboard.EventDataCheck.WARN))) {
            Http.Response r = host.http().postJson("/api/v1/events", BAD_ORDER);
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            assertThat(host.host().events().emit("order_placed", Map.of("note", "x"))).startsWith("evt_");
            Http.Response unknown = host.http().postJson("/api/v1/events", "{\"type\":\"nope\",\"data\":{}}");
            assertThat(unknown.status()).as("unknown types are refused in either mode").isEqualTo(400);
        }
    }

    @Test
    void aPluginRunsFromItsClassesDirectoryWithoutPackaging() {
        Path classes = Plugins.withMainClass("devplug", "devplug_started").writeClassesTo(TestHost.tempDir("target-classes"));
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.developmentPlugin(classes))) {
            Http http = host.http();
            PluginsApiClient api = new PluginsApiClient(http);
            var plugin = api.plugin("devplug");
            assertThat(plugin.get("state").asText()).as(plugin.toString()).isEqualTo("active");
            assertThat(plugin.get("development").asBoolean()).isTrue();
            assertThat(api.hasEventType("devplug_started")).isTrue();

            assertThat(http.postJson("/api/v1/plugins/devplug/deactivate", "").json().get("state").asText())
                    .isEqualTo("inactive");
            assertThat(http.postJson("/api/v1/plugins/devplug/activate", "").json().get("state").asText())
                    .isEqualTo("active");
            Http.Response uninstall = http.delete("/api/v1/plugins/devplug");
            assertThat(uninstall.status()).isEqualTo(409);
            assertThat(uninstall.json().get("error").asText()).contains("development mode");
            Http.Response upload = http.postMultipart("/api/v1/plugins", "jar", "d.jar",
                    Plugins.good("devplug", "devplug_other").bytes(), Map.of("upgrade", "true"));
            assertThat(upload.status()).isEqualTo(409);
            assertThat(http.get("/admin/plugins").body()).contains("(development)");
        }
    }
}
