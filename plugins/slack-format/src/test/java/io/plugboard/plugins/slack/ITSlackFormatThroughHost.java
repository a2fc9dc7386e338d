package io.plugboard.plugins.slack;

import static io.plugboard.plugins.slack.FormatHost.ORDER_PLACED;
import static io.plugboard.plugins.slack.FormatHost.REFUND_ISSUED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.testkit.CapturedRequest;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.HostWebhook;
import io.plugboard.testkit.PluginHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host: a webhook with the {@code slack} format sends a signed Block Kit message
 * to a real HTTP endpoint, the format is listed with its settings, the preview renders each subscribed
 * type's sample, and bad settings are refused naming {@code format_settings.<key>}.
 */
class ITSlackFormatThroughHost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PluginHarness harness;

    @BeforeEach
    void start() {
        harness = FormatHost.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void sendsASignedBlockKitMessageWithFieldsNestedFieldsAndALinkButton() throws Exception {
        HostWebhook webhook = harness.createWebhook(FormatHost.webhook(harness, "slack", Map.of()));
        String eventId = harness.emitJson(ORDER_PLACED, "{\"order_id\":\"B-7\",\"total\":\"19.90\","
                + "\"html_url\":\"https://shop.example.com/orders/B-7\",\"customer\":{\"email\":\"bob@example.com\","
                + "\"address\":{\"city\":\"Lyon\"}},\"items\":[{\"sku\":\"Y\"}]}");

        CapturedRequest request = harness.capture().awaitEvent(eventId, Duration.ofSeconds(20));

        request.assertSignedWith(webhook.secret());
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode message = JSON.readTree(request.bodyText());   // JSON Pointers read the nested message best
        assertThat(message.path("text").asText()).isEqualTo("Order placed");
        assertThat(blockTypes(message)).containsExactly("header", "section", "context", "actions");
        assertThat(message.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("Order placed");
        assertThat(fieldTexts(message)).containsExactly("*order_id*\nB-7", "*total*\n19.90",
                "*html_url*\nhttps://shop.example.com/orders/B-7", "*customer.email*\nbob@example.com");
        assertThat(message.at("/blocks/2/elements/0/text").asText()).contains("`" + eventId + "`");
        JsonNode button = message.at("/blocks/3/elements/0");
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).isEqualTo("https://shop.example.com/orders/B-7");
    }

    @Test
    void theFormatIsListedWithItsPluginAndSettings() {
        JsonNode format = harness.payloadFormat("slack");

        assertThat(format.path("plugin").asText()).isEqualTo("slack-format");
        assertThat(harness.api().get("/api/v1/formats").expect(200).json().path("data").findValuesAsText("id"))
                .as("once, though failsafe also puts the jar on the test class path").containsOnlyOnce("slack");
        assertThat(format.path("settings").findValuesAsText("key")).containsExactly("title", "link_field", "fields");
    }

    @Test
    void thePreviewRendersTheSampleOfEverySubscribedType() throws Exception {
        HostWebhook webhook = harness.createWebhook(
                FormatHost.webhook(harness, "slack", Map.of("title", "Shop: {{type}}")));

        JsonNode order = JSON.readTree(webhook.preview(ORDER_PLACED).at("/request/body").asText());
        JsonNode refund = JSON.readTree(webhook.preview(REFUND_ISSUED).at("/request/body").asText());

        assertThat(order.path("text").asText()).isEqualTo("Shop: Order placed");
        assertThat(fieldTexts(order)).contains("*order_id*\nA-1001", "*customer.name*\nAnn");
        assertThat(order.at("/blocks/3/elements/0/url").asText()).isEqualTo("https://shop.example.com/orders/A-1001");
        assertThat(refund.path("text").asText()).isEqualTo("Shop: Refund issued");
        assertThat(fieldTexts(refund)).containsExactly("*refund_id*\nre_9", "*amount*\n5.00", "*reason*\ndamaged");
        assertThat(blockTypes(refund)).doesNotContain("actions");
        assertThat(harness.capture().received()).as("a preview sends nothing").isEmpty();
    }

    @Test
    void badFormatSettingsAreRefusedNamingTheSetting() {
        HostApi.Response refused = harness.api().post("/api/v1/webhooks",
                FormatHost.webhook(harness, "slack", Map.of("fields", "a..b")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("details").path("format_settings.fields").asText()).contains("a..b");
        assertThat(harness.api().get("/api/v1/webhooks").expect(200).json().path("total").asInt()).as("nothing stored").isZero();
    }

    private static List<String> blockTypes(JsonNode message) {
        return StreamSupport.stream(message.path("blocks").spliterator(), false)
                .map(b -> b.path("type").asText()).toList();
    }

    private static List<String> fieldTexts(JsonNode message) {
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("section")) {
                return StreamSupport.stream(block.path("fields").spliterator(), false)
                        .map(f -> f.path("text").asText()).toList();
            }
        }
        return List.of();
    }
}
