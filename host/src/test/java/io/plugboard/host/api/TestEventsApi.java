package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestEventsApi {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    @Test
    void listsTheCatalogWithSamplesAndSchemas() {
        JsonNode list = host.http().get("/api/v1/event-types").json();
        assertThat(list.get("total").asInt()).as("the application's two and the host's six operational types").isEqualTo(8);
        JsonNode order = byKey(list, "order_placed");
        assertThat(order.get("key").asText()).isEqualTo("order_placed");
        assertThat(order.get("name").asText()).isEqualTo("Order placed");
        assertThat(order.get("description").asText()).isEqualTo("An order was placed.");
        assertThat(order.get("group").asText()).isEqualTo("Shop");
        assertThat(order.get("plugin_id").asText()).isEqualTo("app");
        assertThat(order.get("sample").get("order_id").asText()).isEqualTo("ord_1");
        assertThat(order.get("schema").get("required").toString()).isEqualTo("[\"order_id\",\"total\"]");
        assertThat(byKey(list, "ping").get("schema").isNull()).isTrue();
        assertThat(byKey(list, "webhook_disabled").get("plugin_id").asText()).isEqualTo("plugboard");

        assertThat(host.http().get("/api/v1/event-types/ping").json().get("name").asText()).isEqualTo("Ping");
        assertError(host.http().get("/api/v1/event-types/nope"), 404, "no event type has the key 'nope'");
    }

    @Test
    void acceptsAValidEvent() {
        Http.Response r = host.http().postJson("/api/v1/events", "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"o9\",\"total\":\"3.00\"}}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("id").asText()).matches("evt_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void refusesInvalidEventsSayingWhy() {
        assertError(host.http().postJson("/api/v1/events", "{\"type\":\"nope\",\"data\":{}}"), 400, "unknown event type 'nope'");
        assertError(host.http().postJson("/api/v1/events", "{\"data\":{}}"), 400, "type is required");
        assertError(host.http().postJson("/api/v1/events", "{\"type\":\"ping\"}"), 400, "data is required");
        assertError(host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":[1]}"), 400, "must be a JSON object");
        assertError(host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{},\"extra\":1}"), 400, "unknown field extra");

        Http.Response bad = host.http().postJson("/api/v1/events", "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"o\",\"total\":\"3\"}}");
        assertError(bad, 400, "does not match the schema of 'order_placed'");
        assertThat(bad.json().get("details").toString()).contains("$.total").contains("pattern");
    }

    @Test
    void refusesAnOversizedRequest() {
        String big = "{\"type\":\"ping\",\"data\":{\"s\":\"" + "x".repeat(1_100_000) + "\"}}";
        Http.Response r = host.http().postJson("/api/v1/events", big);
        assertThat(r.status()).isEqualTo(413);
    }

    private static JsonNode byKey(JsonNode list, String key) {
        for (JsonNode type : list.get("data")) {
            if (type.get("key").asText().equals(key)) {
                return type;
            }
        }
        throw new AssertionError("the catalog has no " + key + ": " + list);
    }
}
