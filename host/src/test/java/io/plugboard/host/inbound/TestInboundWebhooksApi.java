package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Managing inbound webhooks through the API: receivers, validation, search, keys, settings, state, deletion, limits. */
class TestInboundWebhooksApi {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static TestHost host;
    static Http http;

    @BeforeAll
    static void start() {
        host = TestHost.start(Inbound.pluginsWith("standard-webhooks-receiver", "generic-json-receiver"));
        http = host.http();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void receiversOfActivePluginsAreListedWithTheirSettings() {
        JsonNode receivers = http.get("/api/v1/receivers").json().get("data");
        assertThat(receivers).hasSize(2);
        JsonNode sw = receivers.get(1);
        assertThat(sw.get("id").asText()).isEqualTo("standard-webhooks");
        assertThat(sw.get("plugin_id").asText()).isEqualTo("standard-webhooks-receiver");
        assertThat(sw.get("plugin_version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(sw.get("settings").get(0).get("key").asText()).isEqualTo("secret");
        assertThat(sw.get("settings").get(0).get("secret").asBoolean()).isTrue();
        assertThat(receivers.get(0).get("id").asText()).isEqualTo("generic-json");
    }

    @Test
    void badInputIsRefusedWithAMessagePerFieldAndNothingIsStored() {
        long before = http.get("/api/v1/inbound-webhooks").json().get("total").asLong();
        assertRefused(Map.of("receiver", "generic-json"), "name", "name is required");
        assertRefused(Map.of("name", "x".repeat(101), "receiver", "generic-json"), "name", "at most 100");
        assertRefused(Map.of("name", "A"), "receiver", "receiver is required");
        assertRefused(Map.of("name", "A", "receiver", "nope"), "receiver", "GET /api/v1/receivers");
        assertRefused(Map.of("name", "A", "receiver", "standard-webhooks"), "settings.secret", "is required");
        assertRefused(Map.of("name", "A", "receiver", "standard-webhooks", "settings", Map.of("secret", "hunter2")),
                "settings.secret", "whsec_");
        assertRefused(Map.of("name", "A", "receiver", "generic-json", "settings", Map.of("colour", "red")),
                "settings.colour", "not a setting");
        assertRefused(Map.of("name", "A", "receiver", "generic-json", "settings", "event_type=x"),
                "settings", "JSON object");
        assertRefused(Map.of("name", "A", "receiver", "generic-json", "upgrade_mode", "SOMETIMES"),
                "upgrade_mode", "AUTO or MANUAL");
        Http.Response unknownField = http.postJson("/api/v1/inbound-webhooks", "{\"name\":\"A\",\"receiver\":\"generic-json\",\"key\":\"k\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("error").asText()).contains("unknown field key");
        assertThat(http.get("/api/v1/inbound-webhooks?state=SLEEPING").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/inbound-webhooks/inb_nope").status()).isEqualTo(404);
        assertThat(http.patchJson("/api/v1/inbound-webhooks/inb_nope", "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/inbound-webhooks").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void theKeyIsShownOnceAndRotatingItRetiresTheOldUrl() {
        JsonNode created = Inbound.create(host, "Rotating", "generic-json", Map.of());
        String id = created.get("id").asText();
        String key = created.get("access_key").asText();
        assertThat(key).hasSize(43);
        assertThat(created.get("url").asText()).endsWith("/hooks/in/" + id + "/" + key);
        assertThat(created.get("key_prefix").asText()).isEqualTo(key.substring(0, 4));
        JsonNode read = http.get("/api/v1/inbound-webhooks/" + id).json();
        assertThat(read.has("access_key")).isFalse();
        assertThat(read.has("url")).isFalse();
        assertThat(read.toString()).doesNotContain(key);

        JsonNode rotated = http.postJson("/api/v1/inbound-webhooks/" + id + "/rotate-key", "").json();
        assertThat(rotated.get("access_key").asText()).isNotEqualTo(key);
        assertThat(Inbound.post(created.get("url").asText(), "{}", Map.of()).status()).isEqualTo(404);
        assertThat(Inbound.post(rotated.get("url").asText(), "{}", Map.of()).status()).isEqualTo(202);
        JsonNode errors = http.get("/api/v1/inbound-webhooks/" + id + "/errors").json().get("data");
        assertThat(errors.get(0).get("message").asText()).contains("access key is wrong");
    }

    @Test
    void settingsAreMaskedChangedAndVerifiedAndTheListIsSearchable() throws Exception {
        JsonNode created = Inbound.create(host, "Search <me>", "standard-webhooks", Map.of("secret", SECRET));
        String id = created.get("id").asText();
        assertThat(created.get("settings").get("secret").asText()).isEqualTo("********");
        assertThat(created.toString()).doesNotContain(SECRET);
        try (java.sql.Connection c = host.connection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT settings FROM inbound_webhooks WHERE id = ?")) {
            s.setString(1, id);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("sealed at rest").doesNotContain(SECRET).startsWith("v1:");
            }
        }

        Http.Response keep = http.patchJson("/api/v1/inbound-webhooks/" + id,
                "{\"name\":\"Search <me> too\",\"settings\":{\"secret\":\"********\"},\"upgrade_mode\":\"MANUAL\"}");
        assertThat(keep.status()).as(keep.body()).isEqualTo(200);
        assertThat(keep.json().get("upgrade_mode").asText()).isEqualTo("MANUAL");
        JsonNode verified = http.postJson("/api/v1/inbound-webhooks/" + id + "/verify", "").json();
        assertThat(verified.get("ok").asBoolean()).as("the stored secret was kept").isTrue();
        Http.Response bad = http.patchJson("/api/v1/inbound-webhooks/" + id, "{\"settings\":{\"secret\":\"whsec_c2hvcnQ=\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").get("settings.secret").asText()).contains("24 to 64 bytes");

        http.postJson("/api/v1/inbound-webhooks/" + id + "/disable", "");
        assertThat(http.get("/api/v1/inbound-webhooks?q=search%20%3Cme%3E%20too&state=DISABLED&receiver=standard-webhooks")
                .json().get("data")).singleElement().satisfies(w -> assertThat(w.get("id").asText()).isEqualTo(id));
        assertThat(http.get("/api/v1/inbound-webhooks?q=search&state=ENABLED&receiver=standard-webhooks").json()
                .get("data")).noneMatch(w -> w.get("id").asText().equals(id));

        assertThat(http.delete("/api/v1/inbound-webhooks/" + id).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/inbound-webhooks/" + id).status()).isEqualTo(404);
        assertThat(Inbound.post(created.get("url").asText(), "{}", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIs413AndCounted() {
        JsonNode created = Inbound.create(host, "Small", "generic-json", Map.of());
        byte[] big = new byte[1_048_577];
        java.util.Arrays.fill(big, (byte) ' ');
        Http.Response r = Inbound.post(created.get("url").asText(), big, Map.of());
        assertThat(r.status()).isEqualTo(413);
        assertThat(Inbound.stats(host, created.get("id").asText()).get("rejected").asInt()).isEqualTo(1);
    }

    private static void assertRefused(Map<String, ?> body, String field, String message) {
        Http.Response r = http.postJson("/api/v1/inbound-webhooks", Http.json(body));
        assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        assertThat(r.json().get("details").get(field)).as(body + " names " + field + ": " + r.body()).isNotNull();
        assertThat(r.json().get("details").get(field).asText()).contains(message);
    }
}
