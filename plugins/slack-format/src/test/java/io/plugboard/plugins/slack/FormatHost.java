package io.plugboard.plugins.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.EventType;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IT's real host: the built jar (failsafe's {@code plugin.jar}) and two event types with samples,
 * one with a nested customer and a link, so a chat message has fields, nested fields and a button.
 */
final class FormatHost {

    static final String ORDER_PLACED = "order_placed";
    static final String REFUND_ISSUED = "refund_issued";
    static final String ORDER_SAMPLE = "{\"order_id\":\"A-1001\",\"total\":\"42.50\","
            + "\"html_url\":\"https://shop.example.com/orders/A-1001\","
            + "\"customer\":{\"email\":\"ann@example.com\",\"name\":\"Ann\"},\"items\":[{\"sku\":\"X\"}]}";
    static final String REFUND_SAMPLE = "{\"refund_id\":\"re_9\",\"amount\":\"5.00\",\"reason\":\"damaged\"}";

    private FormatHost() {}

    static PluginHarness start() {
        return PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar")))
                .host(h -> h.eventType(type(ORDER_PLACED, "Order placed", ORDER_SAMPLE))
                        .eventType(type(REFUND_ISSUED, "Refund issued", REFUND_SAMPLE)))
                .start();
    }

    private static EventType type(String key, String name, String sample) {
        return EventType.builder(key).name(name).group("Shop").sample(sample).build();
    }

    /** @return the webhook to the capture endpoint, subscribed to both types, with its secret */
    static JsonNode create(PluginHarness harness, String format, Map<String, String> formatSettings) {
        return harness.api().post("/api/v1/webhooks", body(harness, format, formatSettings)).expect(201).json();
    }

    /** @return the API's answer to creating such a webhook, whatever its status */
    static HostApi.Response post(PluginHarness harness, String format, Map<String, String> formatSettings) {
        return harness.api().post("/api/v1/webhooks", body(harness, format, formatSettings));
    }

    private static Map<String, Object> body(PluginHarness harness, String format, Map<String, String> formatSettings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "IT " + format);
        body.put("url", harness.capture().url());
        body.put("events", List.of(ORDER_PLACED, REFUND_ISSUED));
        body.put("format", format);
        body.put("format_settings", formatSettings);
        return body;
    }

    /** @return what {@code POST /api/v1/webhooks/preview} shows the webhook would send for the type's sample */
    static JsonNode preview(HostApi api, String webhookId, String eventType) {
        return api.post("/api/v1/webhooks/preview", Map.of("webhook_id", webhookId, "event", eventType))
                .expect(200).json();
    }

    /** @return the format as {@code GET /api/v1/formats} lists it */
    static JsonNode listedFormat(HostApi api, String id) {
        for (JsonNode format : api.get("/api/v1/formats").expect(200).json().path("data")) {
            if (id.equals(format.path("id").asText())) {
                return format;
            }
        }
        throw new AssertionError("GET /api/v1/formats does not list '" + id + "'");
    }

    /** @return the keys of the settings the format declares, in order */
    static List<String> settingKeys(JsonNode format) {
        return format.path("settings").findValuesAsText("key");
    }
}
