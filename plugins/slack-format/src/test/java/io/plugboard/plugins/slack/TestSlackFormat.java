package io.plugboard.plugins.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The format alone: realistic events rendered, the output parsed back and checked against Slack's limits. */
class TestSlackFormat {

    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    static final String PAYMENT = "{\"id\":\"pay_1\",\"amount\":12.50,\"currency\":\"EUR\",\"captured\":true,"
            + "\"customer\":{\"email\":\"ann@example.com\",\"name\":\"Ann\",\"address\":{\"city\":\"Lyon\"}},\"tags\":[\"a\"]}";
    static final String ORDER = "{\"order_id\":\"A-1001\",\"total\":42,\"note\":\"see javascript:alert(1)\","
            + "\"html_url\":\"https://shop.example.com/orders/A-1001?a=1&b=2\",\"api\":{\"link\":\"https://api.example.com/o/1\"}}";

    final SlackFormat format = new SlackFormat();
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPaymentShowsItsTitleScalarFieldsNestedFieldsOneLevelDownAndItsIdAndTime() throws Exception {
        RenderedPayload payload = format.render(event("payment_received", PAYMENT, Map.of()));
        assertThat(payload.contentType()).isEqualTo("application/json");
        JsonNode message = parse(payload);
        assertThat(message.get("text").asText()).isEqualTo("Payment received");
        assertThat(types(message)).containsExactly("header", "section", "context");
        assertThat(message.at("/blocks/0/text/type").asText()).isEqualTo("plain_text");
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("Payment received");
        assertThat(fieldTexts(message)).containsExactly("*id*\npay_1", "*amount*\n12.50", "*currency*\nEUR",
                "*captured*\ntrue", "*customer.email*\nann@example.com", "*customer.name*\nAnn");
        assertThat(message.at("/blocks/2/elements/0/text").asText()).contains("`evt_1`")
                .contains("<!date^" + AT.getEpochSecond() + "^").contains("|2026-11-22T10:00:00Z>");
    }

    @Test
    void anOrderWithAUrlGetsAButtonToTheFirstWebUrlOrToTheNamedLinkField() throws Exception {
        JsonNode message = parse(format.render(event("order.placed", ORDER, Map.of())));
        assertThat(types(message)).containsExactly("header", "section", "context", "actions");
        JsonNode button = message.at("/blocks/3/elements/0");
        assertThat(button.get("type").asText()).isEqualTo("button");
        assertThat(button.get("url").asText()).isEqualTo("https://shop.example.com/orders/A-1001?a=1&b=2");
        assertThat(button.at("/text/type").asText()).isEqualTo("plain_text");
        assertThat(fieldTexts(message)).contains("*html_url*\nhttps://shop.example.com/orders/A-1001?a=1&amp;b=2");

        JsonNode named = parse(format.render(event("order.placed", ORDER, Map.of("link_field", "api.link"))));
        assertThat(named.at("/blocks/3/elements/0/url").asText()).isEqualTo("https://api.example.com/o/1");
    }

    @Test
    void linksThatAreNotHttpOrHttpsNeverBecomeButtons() throws Exception {
        for (String bad : List.of("javascript:alert(1)", "JavaScript://x.com/%0aalert(1)", "data:text/html,<b>x</b>",
                "ftp://files.example.com/a", "file:///etc/passwd", "https://", "https://exa mple.com", "//example.com/x")) {
            String data = mapper.createObjectNode().put("url", bad).put("link", bad).toString();
            assertThat(types(parse(format.render(event("order.placed", data, Map.of()))))).doesNotContain("actions");
            assertThat(types(parse(format.render(event("order.placed", data, Map.of("link_field", "url"))))))
                    .doesNotContain("actions");
        }
        String mixed = "{\"link\":\"javascript:alert(1)\",\"url\":\"HTTPS://example.com/ok\"}";
        assertThat(parse(format.render(event("x", mixed, Map.of()))).at("/blocks/3/elements/0/url").asText())
                .isEqualTo("HTTPS://example.com/ok");
        assertThat(types(parse(format.render(event("x", mixed, Map.of("link_field", "link")))))).doesNotContain("actions");
    }

    @Test
    void fortyFieldsAreCutToSlacksTenWithANoteOfTheRest() throws Exception {
        JsonNode message = parse(format.render(event("big_event", manyFields(40), Map.of())));
        assertThat(fieldTexts(message)).hasSize(10).first().isEqualTo("*field_1*\nvalue 1");
        assertThat(message.at("/blocks/2/elements/0/text").asText()).endsWith("30 more fields not shown");
        assertWithinLimits(message);
    }

    @Test
    void slackControlCharactersInDataAreEscapedSoNothingLinksOrMentions() throws Exception {
        String data = mapper.createObjectNode().put("note", "<!channel> @everyone <https://evil.example|click> & co")
                .put("a<b>&", "x").toString();
        JsonNode message = parse(format.render(event("alert_<raised>&", data, Map.of())));
        assertThat(fieldTexts(message)).containsExactly(
                "*note*\n&lt;!channel&gt; @everyone &lt;https://evil.example|click&gt; &amp; co", "*a&lt;b&gt;&amp;*\nx");
        assertThat(message.get("text").asText()).isEqualTo("Alert &lt;raised&gt;&amp;");
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("Alert <raised>&");
    }

    @Test
    void hugeValuesAndTitlesStayWithinSlacksLimits() throws Exception {
        String huge = "&".repeat(5000);
        String data = mapper.createObjectNode().put("body", huge).put(huge, huge).put("plain", "x".repeat(5000)).toString();
        JsonNode message = parse(format.render(event("x", data, Map.of("title", "{{type}} " + "t".repeat(500)))));
        assertWithinLimits(message);
        assertThat(message.at("/blocks/0/text/text").asText()).hasSize(150).endsWith("…");
        assertThat(fieldTexts(message).get(2)).startsWith("*plain*\nxxx").endsWith("x…");
    }

    @Test
    void theFieldsSettingChoosesPathsInItsOrderAndSkipsMissingOnes() throws Exception {
        JsonNode message = parse(format.render(event("payment_received", PAYMENT,
                Map.of("fields", " customer.email , amount,missing, customer.address.city,customer.address"))));
        assertThat(fieldTexts(message)).containsExactly("*customer.email*\nann@example.com", "*amount*\n12.50",
                "*customer.address.city*\nLyon", "*customer.address*\n{\"city\":\"Lyon\"}");
    }

    @Test
    void theTitlePatternFillsTheTypeInWordsOrItsKey() throws Exception {
        JsonNode message = parse(format.render(event("invoice.paid", "{}", Map.of("title", "Shop: {{type}} ({{ type_key }})"))));
        assertThat(message.at("/blocks/0/text/text").asText()).isEqualTo("Shop: Invoice paid (invoice.paid)");
        assertThat(types(message)).containsExactly("header", "context");
    }

    @Test
    void dataThatIsNotAJsonObjectCannotBeRendered() {
        assertThatThrownBy(() -> format.render(event("x", "[1]", Map.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> format.render(event("x", "{", Map.of()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifyRefusesBadPathsTooManyFieldsAndUnknownPlaceholdersNamingEachSetting() {
        format.verify(Map.of("title", "{{type}}!", "link_field", "order.url", "fields", "a, b.c, d-e"));
        format.verify(Map.of());
        assertThatThrownBy(() -> format.verify(Map.of("link_field", "order..url", "fields", "a,,b", "title", "{{data.id}}")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("link_field", "fields", "title"));
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "f" + i).collect(Collectors.joining(","));
        assertThatThrownBy(() -> format.verify(Map.of("fields", eleven)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems().get("fields"))
                        .contains("at most 10"));
        assertThat(format.settings()).extracting(s -> s.key()).containsExactly("title", "link_field", "fields");
    }

    /** Every limit Slack documents for what this format writes. */
    static void assertWithinLimits(JsonNode message) {
        assertThat(message.get("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(message.at("/blocks/0/text/text").asText()).hasSizeLessThanOrEqualTo(150).isNotEmpty();
        for (JsonNode block : message.get("blocks")) {
            if (block.has("fields")) {
                assertThat(block.get("fields").size()).isLessThanOrEqualTo(10);
                block.get("fields").forEach(f -> assertThat(f.get("text").asText()).hasSizeLessThanOrEqualTo(2000));
            }
            if (block.has("elements")) {
                block.get("elements").forEach(e -> assertThat(e.toString()).hasSizeLessThan(3100));
            }
        }
    }

    String manyFields(int count) {
        var data = mapper.createObjectNode();
        IntStream.rangeClosed(1, count).forEach(i -> data.put("field_" + i, "value " + i));
        return data.toString();
    }

    JsonNode parse(RenderedPayload payload) throws Exception {
        return mapper.readTree(new String(payload.body(), StandardCharsets.UTF_8));
    }

    static List<String> types(JsonNode message) {
        List<String> types = new ArrayList<>();
        message.get("blocks").forEach(b -> types.add(b.get("type").asText()));
        return types;
    }

    static List<String> fieldTexts(JsonNode message) {
        List<String> texts = new ArrayList<>();
        message.get("blocks").forEach(b -> {
            if (b.has("fields")) {
                b.get("fields").forEach(f -> {
                    assertThat(f.get("type").asText()).isEqualTo("mrkdwn");
                    texts.add(f.get("text").asText());
                });
            }
        });
        return texts;
    }

    static OutgoingEvent event(String type, String data, Map<String, String> settings) {
        return new OutgoingEvent("evt_1", type, AT, "payments-plugin", data, "wh_1", settings);
    }
}
