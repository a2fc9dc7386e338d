package io.plugboard.plugins.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.outbound.OutgoingEvent;
import io.plugboard.sdk.outbound.RenderedPayload;
import io.plugboard.sdk.settings.InvalidSettingsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The format alone: realistic events rendered, the output parsed back and checked against Discord's limits. */
class TestDiscordFormat {

    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    static final String PAYMENT = "{\"id\":\"pay_1\",\"amount\":12.50,\"currency\":\"EUR\",\"captured\":true,"
            + "\"customer\":{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"address\":{\"city\":\"Lyon\"}},\"tags\":[\"a\"]}";
    static final String ORDER = "{\"order_id\":\"A-1001\",\"total\":42,"
            + "\"html_url\":\"https://shop.example.com/orders/A_1001?a=1&b=2\",\"api\":{\"link\":\"https://api.example.com/o/1\"}}";

    final DiscordFormat format = new DiscordFormat();
    final ObjectMapper mapper = new ObjectMapper();

    /** Discord shows a backslash-escaped character as the character itself: pay\_1 reads pay_1. */
    @Test
    void aPaymentIsOneEmbedWithTitleFieldsTimestampAndFooterAndNoMentions() throws Exception {
        RenderedPayload payload = format.render(event("payment_received", PAYMENT, Map.of()));
        assertThat(payload.contentType()).isEqualTo("application/json");
        JsonNode message = parse(payload);
        assertThat(message.get("content").asText()).isEmpty();
        assertThat(message.at("/allowed_mentions/parse").isArray()).isTrue();
        assertThat(message.at("/allowed_mentions/parse")).isEmpty();
        assertThat(message.get("embeds")).hasSize(1);
        JsonNode embed = message.at("/embeds/0");
        assertThat(embed.get("title").asText()).isEqualTo("Payment received");
        assertThat(embed.has("url")).isFalse();
        assertThat(embed.has("color")).isFalse();
        assertThat(embed.has("description")).isFalse();
        assertThat(fields(embed)).containsExactly("id=pay\\_1", "amount=12.50", "currency=EUR", "captured=true",
                "customer.email=ann@example.com", "customer.name=Ann");
        assertThat(embed.at("/fields/0/inline").asBoolean()).isTrue();
        assertThat(embed.get("timestamp").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(embed.at("/footer/text").asText()).isEqualTo("Event evt_1 · payments-plugin");
    }

    @Test
    void anOrderWithAUrlLinksTheTitleAndAUrlValueStaysUnescaped() throws Exception {
        JsonNode embed = parse(format.render(event("order.placed", ORDER, Map.of()))).at("/embeds/0");
        assertThat(embed.get("url").asText()).isEqualTo("https://shop.example.com/orders/A_1001?a=1&b=2");
        assertThat(fields(embed)).contains("html\\_url=https://shop.example.com/orders/A_1001?a=1&b=2", "order\\_id=A-1001");
        JsonNode named = parse(format.render(event("order.placed", ORDER, Map.of("link_field", "api.link")))).at("/embeds/0");
        assertThat(named.get("url").asText()).isEqualTo("https://api.example.com/o/1");
    }

    @Test
    void linksThatAreNotHttpOrHttpsAreNeverUsed() throws Exception {
        for (String bad : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://files.example.com/a",
                "file:///etc/passwd", "https://", "https://exa mple.com", "//example.com/x")) {
            String data = mapper.createObjectNode().put("url", bad).put("link", bad).toString();
            assertThat(parse(format.render(event("x", data, Map.of()))).at("/embeds/0").has("url")).isFalse();
            assertThat(parse(format.render(event("x", data, Map.of("link_field", "url")))).at("/embeds/0").has("url")).isFalse();
        }
    }

    @Test
    void fortyFieldsAreCutToDiscordsTwentyFiveWithANoteOfTheRest() throws Exception {
        ObjectNode data = mapper.createObjectNode();
        IntStream.rangeClosed(1, 40).forEach(i -> data.put("field_" + i, "value " + i));
        JsonNode embed = parse(format.render(event("big_event", data.toString(), Map.of()))).at("/embeds/0");
        assertThat(embed.get("fields")).hasSize(25);
        assertThat(embed.get("description").asText()).isEqualTo("15 more fields not shown");
        assertWithinLimits(embed);
    }

    @Test
    void hugeValuesStayWithinEveryLimitIncludingTheEmbedsTotal() throws Exception {
        ObjectNode data = mapper.createObjectNode();
        IntStream.rangeClosed(1, 30).forEach(i -> data.put("k".repeat(300) + i, "*".repeat(5000)));
        JsonNode embed = parse(format.render(event("x", data.toString(), Map.of("title", "t".repeat(1000))))).at("/embeds/0");
        assertWithinLimits(embed);
        assertThat(embed.get("title").asText()).hasSize(256).endsWith("…");
        assertThat(embed.get("fields").size()).isBetween(1, 24);
        assertThat(embed.get("description").asText()).endsWith("more fields not shown");
        assertThat(embed.at("/fields/0/inline").asBoolean()).isFalse();
    }

    @Test
    void markdownInDataIsEscapedAndEveryoneCannotPing() throws Exception {
        String data = mapper.createObjectNode().put("note", "@everyone [click](https://evil.example) **x** <@123>")
                .put("q", "> quote").toString();
        JsonNode message = parse(format.render(event("alert_raised", data, Map.of())));
        assertThat(fields(message.at("/embeds/0"))).containsExactly(
                "note=@everyone \\[click\\](https://evil.example) \\*\\*x\\*\\* \\<@123\\>", "q=\\> quote");
        assertThat(message.at("/allowed_mentions/parse")).isEmpty();
        assertThat(message.get("content").asText()).doesNotContain("@everyone");
    }

    @Test
    void theColourIsUsedAndVerified() throws Exception {
        JsonNode embed = parse(format.render(event("x", "{}", Map.of("color", "#5865F2")))).at("/embeds/0");
        assertThat(embed.get("color").asInt()).isEqualTo(0x5865F2);
        assertThat(embed.get("fields")).isEmpty();
        for (String bad : List.of("red", "#fff", "5865f2", "#5865f2ff", "#gggggg")) {
            assertThatThrownBy(() -> format.verify(Map.of("color", bad)))
                    .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems()).containsOnlyKeys("color"));
        }
        assertThatThrownBy(() -> format.render(event("x", "{}", Map.of("color", "red"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("color");
    }

    @Test
    void verifyRefusesBadPathsTooManyFieldsAndUnknownPlaceholdersNamingEachSetting() {
        format.verify(Map.of("title", "{{type}}", "link_field", "url", "fields", "a,b.c", "color", "#00ff00"));
        format.verify(Map.of());
        assertThatThrownBy(() -> format.verify(Map.of("link_field", "a b", "fields", "a,$b", "title", "{{x}}")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("link_field", "fields", "title"));
        String many = IntStream.rangeClosed(1, 26).mapToObj(i -> "f" + i).collect(Collectors.joining(","));
        assertThatThrownBy(() -> format.verify(Map.of("fields", many)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems().get("fields"))
                        .contains("at most 25"));
        assertThat(format.settings()).extracting(s -> s.key()).containsExactly("title", "link_field", "fields", "color");
    }

    /** Every limit Discord documents for an embed. */
    static void assertWithinLimits(JsonNode embed) {
        int total = embed.get("title").asText().length() + embed.path("description").asText().length()
                + embed.at("/footer/text").asText().length();
        assertThat(embed.get("title").asText()).hasSizeLessThanOrEqualTo(256);
        assertThat(embed.path("description").asText()).hasSizeLessThanOrEqualTo(4096);
        assertThat(embed.at("/footer/text").asText()).hasSizeLessThanOrEqualTo(2048);
        assertThat(embed.get("fields").size()).isLessThanOrEqualTo(25);
        for (JsonNode field : embed.get("fields")) {
            assertThat(field.get("name").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(256);
            assertThat(field.get("value").asText()).isNotEmpty().hasSizeLessThanOrEqualTo(1024);
            total += field.get("name").asText().length() + field.get("value").asText().length();
        }
        assertThat(total).isLessThanOrEqualTo(6000);
    }

    static List<String> fields(JsonNode embed) {
        List<String> fields = new ArrayList<>();
        embed.get("fields").forEach(f -> fields.add(f.get("name").asText() + "=" + f.get("value").asText()));
        return fields;
    }

    JsonNode parse(RenderedPayload payload) throws Exception {
        return mapper.readTree(new String(payload.body(), StandardCharsets.UTF_8));
    }

    static OutgoingEvent event(String type, String data, Map<String, String> settings) {
        return new OutgoingEvent("evt_1", type, AT, "payments-plugin", data, "wh_1", settings);
    }
}
