package io.plugboard.plugins.slack;

import io.plugboard.sdk.EventType;
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

    /**
     * @return the {@code POST /api/v1/webhooks} body of a webhook to the capture endpoint with this format,
     *     subscribed to both types
     */
    static Map<String, Object> webhook(PluginHarness harness, String format, Map<String, String> formatSettings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "IT " + format);
        body.put("url", harness.capture().url());
        body.put("events", List.of(ORDER_PLACED, REFUND_ISSUED));
        body.put("format", format);
        body.put("format_settings", formatSettings);
        return body;
    }
}
