package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the API refuses in format, template, headers and filter, with a message saying what to fix. */
class TestPayloadValidation {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private Http.Response create(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "W", "url", "https://example.com/in",
                "events", List.of("order_placed", "ping")));
        body.putAll(fields);
        return host.http().postJson("/api/v1/webhooks", Http.json(body));
    }

    @Test
    void defaultsToTheStandardFormatAndShowsTheNewFields() {
        JsonNode w = create(Map.of()).json();
        assertThat(w.get("format").asText()).isEqualTo("standard");
        assertThat(w.get("template").isNull()).isTrue();
        assertThat(w.get("headers").isObject()).isTrue();
        assertThat(w.get("filter").isNull()).isTrue();
        JsonNode listed = host.http().get("/api/v1/webhooks").json().get("data").get(0);
        assertThat(listed.get("format").asText()).isEqualTo("standard");
    }

    @Test
    void refusesTemplatesThatDoNotCompileOrRenderInvalidJson() {
        assertError(create(Map.of("format", "template", "template", "{\n  \"a\": \"{{#if data.x}}\"\n}")), 400,
                "template: line");
        assertError(create(Map.of("format", "template", "template", "{\"a\": {{data.order_id}} }")), 400,
                "the template renders invalid JSON for order_placed");
        assertError(create(Map.of("format", "template")), 400, "a template is required");
        assertError(create(Map.of("format", "template", "template", "{\"k\": \"{{secret \"NOPE\"}}\"}")), 400,
                "unknown secret NOPE");
        assertError(create(Map.of("format", "template", "template", "{{> header}}")), 400, "template");
        assertError(create(Map.of("format", "template", "template", "{{log data}}{}")), 400,
                "the helper 'log' is not available");
        assertError(create(Map.of("format", "xml")), 400, "format must be one of standard, cloudevents, template");
        assertError(create(Map.of("template", 5)), 400, "template must be a string");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void aCompileErrorNamesTheLine() {
        Http.Response r = create(Map.of("format", "template", "template", "{\n\"a\": 1,\n\"b\": \"{{/each}}\"\n}"));
        assertError(r, 400, "line 3");
    }

    @Test
    void aNonJsonContentTypeNeedsNoJsonBody() {
        Http.Response r = create(Map.of("format", "template", "template", "order={{data.order_id}}",
                "headers", Map.of("Content-Type", "application/x-www-form-urlencoded")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void refusesReservedAndMalformedHeaders() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("webhook-signature", "x");
        bad.put("Webhook-Id", "x");
        bad.put("Content-Length", "1");
        bad.put("host", "evil.example");
        bad.put("Transfer-Encoding", "chunked");
        bad.put("Connection", "close");
        bad.put("Bad Name", "x");
        bad.put("X-Ok", "line\r\nInjected: yes");
        bad.put("X-Empty", "");
        bad.put("X-Unicode", "caf\u00e9");
        bad.put("Content-Type", "text/plain");
        bad.put("X-Secret", "{{secret \"MISSING\"}}");
        for (Map.Entry<String, String> h : bad.entrySet()) {
            Http.Response r = create(Map.of("headers", Map.of(h.getKey(), h.getValue())));
            assertThat(r.status()).as(h + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("details").has("headers")).as(r.body()).isTrue();
        }
        assertError(create(Map.of("headers", List.of("x"))), 400, "headers must be an object");
        assertError(create(Map.of("headers", Map.of("X-N", 1))), 400, "headers.X-N must be a string");
        assertError(create(Map.of("token", "t", "headers", Map.of("Authorization", "Basic abc"))), 400,
                "an Authorization header and a token cannot both be set");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();
        Http.Response ok = create(Map.of("headers", Map.of("X-Team", "payments", "User-Agent", "Custom/1")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("headers").get("X-Team").asText()).isEqualTo("payments");
    }

    @Test
    void refusesAFilterThatDoesNotParse() {
        for (String filter : List.of("data.total >=", "data.total === 1", "(data.a == 1", "data.a == 'x",
                "data..a == 1", "data.a == 1 extra", "x".repeat(501))) {
            Http.Response r = create(Map.of("filter", filter));
            assertThat(r.status()).as(filter + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("details").get("filter").asText()).startsWith("the filter does not parse");
        }
        Http.Response ok = create(Map.of("filter", "  data.total >= 100 and /data/customer/email != null  "));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("filter").asText()).isEqualTo("data.total >= 100 and /data/customer/email != null");
    }

    @Test
    void patchChangesOnlyThePayloadFieldsGivenAndKeepsTheOthers() {
        String id = create(Map.of("filter", "data.total > 1", "headers", Map.of("X-A", "1"))).json().get("id").asText();
        JsonNode changed = host.http().patchJson("/api/v1/webhooks/" + id, "{\"format\":\"cloudevents\"}").json();
        assertThat(changed.get("format").asText()).isEqualTo("cloudevents");
        assertThat(changed.get("filter").asText()).isEqualTo("data.total > 1");
        assertThat(changed.get("headers").get("X-A").asText()).isEqualTo("1");
        JsonNode cleared = host.http().patchJson("/api/v1/webhooks/" + id, "{\"filter\":null,\"headers\":{}}").json();
        assertThat(cleared.get("filter").isNull()).isTrue();
        assertThat(cleared.get("headers").size()).isZero();
        assertError(host.http().patchJson("/api/v1/webhooks/" + id, "{\"format\":\"template\"}"), 400, "a template is required");
        assertThat(host.http().get("/api/v1/webhooks/" + id).json().get("format").asText()).isEqualTo("cloudevents");
    }
}
