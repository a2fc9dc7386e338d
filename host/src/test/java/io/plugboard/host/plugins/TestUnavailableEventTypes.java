package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhooks subscribed to the event types of a plugin that goes away keep them, say which are
 * unavailable, can still be edited, and receive those events again when the plugin returns.
 */
class TestUnavailableEventTypes {

    @Test
    void subscriptionsSurviveThePluginsAbsenceAndWorkWhenItReturns() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Plugins.good("shop", "shop_sold").writeTo(plugins);
        try (TestHost host = TestHost.start(plugins); Receiver receiver = new Receiver()) {
            Http http = host.http();
            String id = host.createWebhook("Shop hook", receiver.url("/hook"), "shop_sold", "ping").get("id").asText();
            assertThat(http.get("/api/v1/webhooks/" + id).json().get("unavailable_event_types")).isEmpty();

            assertThat(http.postJson("/api/v1/plugins/shop/deactivate", "").status()).isEqualTo(200);
            JsonNode hook = http.get("/api/v1/webhooks/" + id).json();
            assertThat(hook.get("events")).extracting(JsonNode::asText).containsExactly("shop_sold", "ping");
            assertThat(hook.get("unavailable_event_types")).extracting(JsonNode::asText).containsExactly("shop_sold");
            assertThat(http.get("/api/v1/webhooks").json().get("data").get(0).get("unavailable_event_types"))
                    .extracting(JsonNode::asText).containsExactly("shop_sold");
            assertThat(http.get("/admin/webhooks").body()).contains("Event type unavailable").contains("shop_sold");

            // Editing the webhook does not force the admin to drop the unavailable type.
            Http.Response renamed = http.patchJson("/api/v1/webhooks/" + id, Http.json(Map.of("name", "Renamed",
                    "events", List.of("shop_sold", "ping"))));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            assertThat(renamed.json().get("events")).extracting(JsonNode::asText).containsExactly("shop_sold", "ping");
            Http.Response form = http.postForm("/admin/webhooks/" + id, List.of(Map.entry("name", "Renamed again"),
                    Map.entry("url", receiver.url("/hook")), Map.entry("events", "shop_sold"), Map.entry("events", "ping"),
                    Map.entry("enabled", "on")));
            assertThat(form.status()).as(form.body()).isEqualTo(302);
            // A new webhook still cannot subscribe to a type nobody registers.
            assertThat(http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "New", "url", receiver.url("/hook"),
                    "events", List.of("shop_sold")))).status()).isEqualTo(400);

            assertThat(http.postJson("/api/v1/plugins/shop/activate", "").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/webhooks/" + id).json().get("unavailable_event_types")).isEmpty();
            Http.Response emitted = http.postJson("/api/v1/events", "{\"type\":\"shop_sold\",\"data\":{\"id\":\"s1\"}}");
            assertThat(emitted.status()).as(emitted.body()).isEqualTo(202);
            Receiver.Request got = receiver.next(Duration.ofSeconds(10));
            assertThat(got).as("the delivery arrives").isNotNull();
            assertThat(got.bodyText()).contains("\"type\":\"shop_sold\"");
        }
    }
}
