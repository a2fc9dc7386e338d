package io.plugboard.plugins.discord;

import static io.plugboard.plugins.discord.FormatHost.ORDER_PLACED;
import static io.plugboard.plugins.discord.FormatHost.REFUND_ISSUED;
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
 * The built jar in a real host: a webhook with the {@code discord} format sends a signed message with
 * one embed to a real HTTP endpoint, the format is listed with its settings, the preview renders each
 * subscribed type's sample, and bad settings are refused naming {@code format_settings.<key>}.
 */
class ITDiscordFormatThroughHost {

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
    void sendsASignedEmbedWithFieldsNestedFieldsTheLinkAndTheColour() throws Exception {
        HostWebhook webhook = harness.createWebhook(
                FormatHost.webhook(harness, "discord", Map.of("color", "#5865f2")));
        String eventId = harness.emitJson(ORDER_PLACED, "{\"order_id\":\"B-7\",\"total\":\"19.90\","
                + "\"html_url\":\"https://shop.example.com/orders/B-7\",\"customer\":{\"email\":\"bob@example.com\","
                + "\"address\":{\"city\":\"Lyon\"}},\"items\":[{\"sku\":\"Y\"}]}");

        CapturedRequest request = harness.capture().awaitEvent(eventId, Duration.ofSeconds(20));

        request.assertSignedWith(webhook.secret());
        assertThat(request.header("content-type")).startsWith("application/json");
        JsonNode message = JSON.readTree(request.bodyText());   // JSON Pointers read the nested message best
        assertThat(message.path("content").asText()).isEmpty();
        assertThat(message.at("/allowed_mentions/parse").isArray()).isTrue();
        assertThat(message.at("/allowed_mentions/parse").size()).as("no mentions notify").isZero();
        assertThat(message.path("embeds").size()).isEqualTo(1);
        JsonNode embed = message.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("Order placed");
        assertThat(embed.path("url").asText()).isEqualTo("https://shop.example.com/orders/B-7");
        assertThat(embed.path("color").asInt()).isEqualTo(0x5865f2);
        assertThat(fields(embed)).containsExactly("order\\_id=B-7", "total=19.90",
                "html\\_url=https://shop.example.com/orders/B-7", "customer.email=bob@example.com");
        assertThat(embed.at("/footer/text").asText()).contains(eventId);
        assertThat(embed.path("timestamp").asText()).isNotEmpty();
    }

    @Test
    void theFormatIsListedWithItsPluginAndSettings() {
        JsonNode format = harness.payloadFormat("discord");

        assertThat(format.path("plugin").asText()).isEqualTo("discord-format");
        assertThat(harness.api().get("/api/v1/formats").expect(200).json().path("data").findValuesAsText("id"))
                .as("once, though failsafe also puts the jar on the test class path").containsOnlyOnce("discord");
        assertThat(format.path("settings").findValuesAsText("key")).containsExactly("title", "link_field", "fields", "color");
    }

    @Test
    void thePreviewRendersTheSampleOfEverySubscribedType() throws Exception {
        HostWebhook webhook = harness.createWebhook(
                FormatHost.webhook(harness, "discord", Map.of("title", "Shop: {{type}}")));

        JsonNode order = embed(webhook.preview(ORDER_PLACED));
        JsonNode refund = embed(webhook.preview(REFUND_ISSUED));

        assertThat(order.path("title").asText()).isEqualTo("Shop: Order placed");
        assertThat(order.path("url").asText()).isEqualTo("https://shop.example.com/orders/A-1001");
        assertThat(fields(order)).contains("order\\_id=A-1001", "customer.name=Ann");
        assertThat(order.has("color")).as("no colour set").isFalse();
        assertThat(refund.path("title").asText()).isEqualTo("Shop: Refund issued");
        assertThat(refund.has("url")).as("no link in the refund").isFalse();
        assertThat(fields(refund)).containsExactly("refund\\_id=re\\_9", "amount=5.00", "reason=damaged");
        assertThat(harness.capture().received()).as("a preview sends nothing").isEmpty();
    }

    @Test
    void badFormatSettingsAreRefusedNamingTheSetting() {
        HostApi.Response refused = harness.api().post("/api/v1/webhooks",
                FormatHost.webhook(harness, "discord", Map.of("color", "blue")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("details").path("format_settings.color").asText()).contains("#rrggbb");
        assertThat(harness.api().get("/api/v1/webhooks").expect(200).json().path("total").asInt()).as("nothing stored").isZero();
    }

    private static JsonNode embed(JsonNode preview) throws Exception {
        return JSON.readTree(preview.at("/request/body").asText()).path("embeds").get(0);
    }

    /** @return each field as {@code name=value}, in order */
    private static List<String> fields(JsonNode embed) {
        return StreamSupport.stream(embed.path("fields").spliterator(), false)
                .map(f -> f.path("name").asText() + "=" + f.path("value").asText()).toList();
    }
}
