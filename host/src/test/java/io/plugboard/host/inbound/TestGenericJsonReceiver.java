package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic-json receiver plugin as built by the reactor: documents as they are, mapped with JSON Pointers, and retried. */
class TestGenericJsonReceiver {

    static final String DOCUMENT = """
            {"id": "doc-481", "order": {"id": "ord_481", "total": "12.50", "lines": [{"sku": "TEA-1", "qty": 2}]},
             "customer": {"email": "a@example.com"}}
            """;

    static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Inbound.pluginsWith("generic-json-receiver"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void mappingsPickFieldsIntoARegisteredTypeAndTheIdPointerMakesRetriesHarmless() {
        JsonNode inbound = Inbound.create(host, "Legacy shop", "generic-json", Map.of("event_type", "order_placed",
                "mappings", "{\"order_id\": \"/order/id\", \"total\": \"/order/total\", \"first_sku\": \"/order/lines/0/sku\", "
                        + "\"coupon\": \"/order/coupon\"}",
                "id_pointer", "/id"));
        String url = inbound.get("url").asText();
        Http.Response first = Inbound.post(url, DOCUMENT, Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Http.Response again = Inbound.post(url, DOCUMENT, Map.of());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("event_ids")).isEqualTo(first.json().get("event_ids"));

        JsonNode received = host.http().get("/api/v1/received-events?inbound_webhook=" + inbound.get("id").asText()).json();
        assertThat(received.get("total").asInt()).isEqualTo(1);
        JsonNode event = received.get("data").get(0);
        assertThat(event.get("type").asText()).isEqualTo("order_placed");
        assertThat(event.get("data")).isEqualTo(parse(
                "{\"order_id\":\"ord_481\",\"total\":\"12.50\",\"first_sku\":\"TEA-1\",\"coupon\":null}"));
        assertThat(event.get("origin").get("external_id").asText()).isEqualTo("doc-481");
    }

    @Test
    void withoutMappingsTheDocumentIsTheDataAndOtherJsonIsWrapped() {
        JsonNode inbound = Inbound.create(host, "Anything", "generic-json", Map.of());
        assertThat(Inbound.post(inbound.get("url").asText(), DOCUMENT, Map.of()).status()).isEqualTo(202);
        assertThat(Inbound.post(inbound.get("url").asText(), "[1, 2, 3]", Map.of()).status()).isEqualTo(202);
        JsonNode data = host.http().get("/api/v1/received-events?inbound_webhook=" + inbound.get("id").asText()).json().get("data");
        assertThat(data.get(0).get("type").asText()).as("the default type").isEqualTo("json_received");
        assertThat(data.get(0).get("data")).isEqualTo(parse("{\"body\": [1, 2, 3]}"));
        assertThat(data.get(1).get("data")).isEqualTo(parse(DOCUMENT));
    }

    @Test
    void dataThatBreaksTheTypesSchemaIsAParseErrorAndBadSettingsAreRefused() {
        JsonNode inbound = Inbound.create(host, "Strict", "generic-json", Map.of("event_type", "order_placed"));
        Http.Response r = Inbound.post(inbound.get("url").asText(), "{\"order_id\": 5}", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("does not match the schema of 'order_placed'");
        assertThat(Inbound.stats(host, inbound.get("id").asText()).get("parse_errors").asInt()).isEqualTo(1);

        Http.Response bad = host.http().postJson("/api/v1/inbound-webhooks", Http.json(Map.of("name", "Bad", "receiver",
                "generic-json", "settings", Map.of("mappings", "{\"a\": 5}", "event_type", "Not A Key"))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").get("settings.mappings").asText()).contains("pointer for a");
        assertThat(bad.json().get("details").get("settings.event_type").asText()).contains("event type key");
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
