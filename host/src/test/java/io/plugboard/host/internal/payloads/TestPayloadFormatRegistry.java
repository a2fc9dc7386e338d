package io.plugboard.host.internal.payloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookSecrets;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookStats;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PayloadFormats}, the one list of payload formats: the built-in ones in the form's order, the
 * OpenAPI document free of hand-kept enums (plugins add formats at run time), and a format added to the registry alone is checked,
 * offered in error messages and rendered without touching anything else.
 */
class TestPayloadFormatRegistry {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final ObjectMapper mapper = Json.newMapper();
    private final PayloadFormats builtIn = PayloadFormats.builtIn(mapper,
            new PayloadTemplates(mapper, TemplateBudget.defaults()), "Test site");

    /** A format a later plugin could add: the event type as plain text. */
    private static final PayloadFormat TEXT = new PayloadFormat() {
        @Override public String id() { return "text"; }
        @Override public String label() { return "Plain text"; }
        @Override public String contentType() { return "text/plain"; }
        @Override public RenderedBody render(RenderRequest r) {
            return new RenderedBody(contentType(), ("event " + r.event().type()).getBytes(StandardCharsets.UTF_8),
                    Map.of("X-Format", "text"));
        }
    };

    @Test
    void theBuiltInFormatsAreStandardCloudEventsAndTemplateInTheFormsOrderWithTheirLabels() {
        assertThat(builtIn.ids()).containsExactly("standard", "cloudevents", "template");
        assertThat(builtIn.all()).extracting(PayloadFormat::label).containsExactly(
                "Standard envelope (id, type, timestamp, data)", "CloudEvents 1.0 (structured JSON)",
                "Template (your own body)");
        assertThat(builtIn.ids()).contains(PayloadSettings.DEFAULT_FORMAT);
        assertThat(builtIn.get("template").settings()).extracting(s -> s.key()).containsExactly("template");
    }

    @Test
    void theOpenApiDocumentKeepsNoFormatEnumAndEveryFormatFieldAcceptsTheRegisteredIds() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/plugboard/openapi.json")) {
            doc = mapper.readTree(in);
        }
        List<JsonNode> enums = new ArrayList<>();
        collectFormatEnums(doc, enums);
        assertThat(enums).as("formats come from plugins at run time: GET /api/v1/formats lists them").isEmpty();
        for (String schema : List.of("Webhook", "WebhookInput", "WebhookUpdate", "PreviewInput")) {
            JsonNode format = doc.at("/components/schemas/" + schema + "/properties/format");
            assertThat(format.get("description").asText()).as(schema).contains("GET /api/v1/formats");
            java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(format.get("pattern").asText());
            assertThat(builtIn.ids()).allMatch(id -> pattern.matcher(id).matches());
        }
    }

    @Test
    void aRegistryRefusesTwoFormatsWithOneIdAndOneWithoutTheDefault() {
        List<PayloadFormat> twice = new ArrayList<>(builtIn.all());
        twice.add(builtIn.get("cloudevents"));
        assertThatThrownBy(() -> new PayloadFormats(twice)).hasMessageContaining("two payload formats with the id cloudevents");
        assertThatThrownBy(() -> new PayloadFormats(List.of(TEXT))).hasMessageContaining("no payload format standard");
        assertThatThrownBy(() -> builtIn.get("text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFormatAddedToTheRegistryIsAcceptedOfferedAndRenderedWithItsOwnHeaders() {
        List<PayloadFormat> all = new ArrayList<>(builtIn.all());
        all.add(TEXT);
        PayloadFormats formats = new PayloadFormats(all);
        PayloadValidator validator = new PayloadValidator(formats, new EventTypeRegistry(), app -> Set.of());

        Map<String, String> errors = new LinkedHashMap<>();
        PayloadSettings checked = validator.check(new PayloadSettings(" text ", null, Map.of(), null), "app_default", "W",
                List.of("order_placed"), errors);
        assertThat(errors).isEmpty();
        assertThat(checked.format()).isEqualTo("text");

        validator.check(new PayloadSettings("xml", null, Map.of(), null), "app_default", "W", List.of(), errors);
        assertThat(errors).containsEntry("format", "format must be one of standard, cloudevents, template, text");
        errors.clear();
        validator.check(new PayloadSettings("text", null, Map.of("Content-Type", "text/csv"), null), "app_default", "W", List.of(), errors);
        assertThat(errors).containsEntry("headers",
                "Content-Type can be set only with format \"template\"; the other formats have their own");

        Webhook w = new Webhook("wh_1", new WebhookSettings("W", "https://example.com/hook", List.of("order_placed"), true,
                null, checked), WebhookSecrets.of("whsec_cHJldmlldw=="), WebhookStats.NONE, NOW, NOW);
        Payloads payloads = new Payloads(formats, (app, name) -> Optional.empty());
        assertThat(payloads.readsSecrets(checked)).isFalse();
        RenderedBody body = payloads.body(w, new StoredEvent("evt_1", "order_placed", "{}", "app", NOW), null);
        assertThat(body.contentType()).isEqualTo("text/plain");
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("event order_placed");
        assertThat(body.headers()).containsEntry("X-Format", "text");
    }

    private static void collectFormatEnums(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            JsonNode format = node.get("format");
            if (format != null && format.isObject() && format.has("enum")) {
                out.add(format.get("enum"));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectFormatEnums(child, out));
        }
    }
}
