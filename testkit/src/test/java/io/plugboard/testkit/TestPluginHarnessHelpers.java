package io.plugboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helpers that keep a plugin's test short: JSON emits and captures, {@code put}, and admin forms. */
class TestPluginHarnessHelpers {

    private static final String SETTINGS_API = "/api/v1/plugins/parcels/settings";
    private static final String SETTINGS_PAGE = "/admin/plugins/parcels/settings";

    @TempDir
    Path dir;

    private PluginHarness start() throws IOException {
        Path classes = FixturePlugin.compile(dir, false);
        Files.writeString(classes.resolve("plugin.properties"),
                "plugin.id=parcels\nplugin.version=1.0.0\nplugin.class=fixture.ParcelPlugin\n");
        return PluginHarness.builder().classes(classes).start();
    }

    private static String value(PluginHarness harness, String key) {
        for (var s : harness.api().get(SETTINGS_API).expect(200).json().path("settings")) {
            if (s.path("key").asText().equals(key)) {
                return s.path("value").asText();
            }
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    void a_json_object_is_emitted_and_the_delivery_reads_back_as_json_values_with_exact_numbers() throws IOException {
        try (PluginHarness harness = start()) {
            String eventId = harness.emit("parcel_weighed", JsonObject.builder().put("parcel_id", "prc_7")
                    .put("weight_grams", 1250).put("price", new BigDecimal("12.50")).build());

            CapturedRequest request = harness.awaitDelivery(eventId);

            JsonObject data = request.data();
            assertThat(data.string("parcel_id")).isEqualTo("prc_7");
            assertThat(data.longValue("weight_grams")).isEqualTo(1250);
            assertThat(data.get("price").orElseThrow().toJson()).as("the exact text").isEqualTo("12.50");
            assertThat(request.json().string("type")).isEqualTo("parcel_weighed");
            assertThat(request.json().string("id")).isEqualTo(eventId);
            assertThat(harness.sample("parcel_weighed").longValue("weight_grams")).isEqualTo(1200);
        }
    }

    @Test
    void a_body_that_is_not_a_json_object_fails_with_the_body() {
        CapturedRequest notJson = new CapturedRequest("POST", "/", Map.of(), "[1]".getBytes());
        assertThatThrownBy(notJson::json).isInstanceOf(AssertionError.class).hasMessageContaining("[1]");
        CapturedRequest noData = new CapturedRequest("POST", "/", Map.of(), "{\"type\":\"x\"}".getBytes());
        assertThatThrownBy(noData::data).isInstanceOf(AssertionError.class).hasMessageContaining("data");
    }

    @Test
    void put_sends_json_to_the_api() throws IOException {
        try (PluginHarness harness = start()) {
            HostApi.Response saved = harness.api().put(SETTINGS_API, JsonObject.of("scale", "bathroom")).expect(200);
            assertThat(saved.json().path("changed").get(0).asText()).isEqualTo("scale");
            harness.api().put(SETTINGS_API, Map.of("max_grams", 20)).expect(200);
            harness.api().put(SETTINGS_API, "{\"max_grams\": 0.5}").expect(400);
            assertThat(value(harness, "scale")).isEqualTo("bathroom");
            assertThat(value(harness, "max_grams")).isEqualTo("20");
        }
    }

    @Test
    void forms_post_their_fields_in_order_with_the_csrf_token() throws IOException {
        try (PluginHarness harness = start()) {
            AdminSession.Page saved = harness.admin().form(SETTINGS_PAGE)
                    .field("scale", "bathroom").field("max_grams", "300").submit();
            assertThat(saved.status()).isEqualTo(303);
            assertThat(value(harness, "scale")).isEqualTo("bathroom");
            assertThat(value(harness, "max_grams")).isEqualTo("300");

            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("scale", "garden");
            fields.put("max_grams", "nope");
            AdminSession.Page refused = harness.admin().postForm(SETTINGS_PAGE, fields);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("must be a whole number", "value=\"garden\"");
            assertThat(value(harness, "scale")).as("nothing stored").isEqualTo("bathroom");
        }
    }

    @Test
    void a_form_keeps_repeated_names_in_order() {
        assertThat(AdminSession.encode(List.of(Map.entry("tag", "a b"), Map.entry("size", "1"), Map.entry("tag", "c&d"))))
                .isEqualTo("tag=a+b&size=1&tag=c%26d");
    }

    @Test
    void a_webhook_made_through_the_api_shows_its_deliveries_attempts_test_send_and_preview() throws IOException {
        try (PluginHarness harness = start()) {
            HostWebhook webhook = harness.createWebhook(Map.of("name", "second", "url", harness.capture().url(),
                    "events", List.of("parcel_weighed")));
            String eventId = harness.emitSample("parcel_weighed");

            var delivery = webhook.awaitSucceeded(eventId, PluginHarness.DEFAULT_TIMEOUT);

            assertThat(webhook.attempts(delivery.path("id").asText()).path(0).path("success").asBoolean()).isTrue();
            assertThat(webhook.failedAttempts()).isZero();
            assertThat(webhook.secret()).startsWith("whsec_");
            assertThat(webhook.sendTest().path("success").asBoolean()).isTrue();
            assertThat(webhook.preview("parcel_weighed").at("/request/body").asText()).contains("\"weight_grams\":1200");
            assertThatThrownBy(() -> harness.createWebhook(Map.of("name", "bad", "url", "not a url", "events", List.of())))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("expected HTTP 201 but got 400");
        }
    }
}
