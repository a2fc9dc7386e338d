package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The secrets store: write-only, encrypted at rest with a key outside the database, guarded while in use. */
class TestSecrets {

    private static final String VALUE = "xoxb-very-secret-value-0123456789";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private Http.Response put(String name, String value) {
        return host.http().postJson("/api/v1/secrets", Http.json(Map.of("name", name, "value", value)));
    }

    @Test
    void createdReplacedAndListedWithoutTheValue() {
        Http.Response created = put("SLACK_TOKEN", VALUE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(VALUE);
        assertThat(created.json().get("name").asText()).isEqualTo("SLACK_TOKEN");
        assertThat(created.json().has("value")).isFalse();
        assertThat(put("SLACK_TOKEN", VALUE + "-2").status()).isEqualTo(200);
        Http.Response list = host.http().get("/api/v1/secrets");
        assertThat(list.body()).doesNotContain(VALUE);
        JsonNode first = list.json().get("data").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("name", "created_at", "updated_at", "last_used_at");
        assertThat(first.get("last_used_at").isNull()).isTrue();
    }

    @Test
    void refusesBadNamesAndValues() {
        for (String name : List.of("lower", "1ABC", "A-B", "", "A".repeat(65), "ÄB")) {
            assertError(put(name, "v"), 400, "name");
        }
        assertError(put("OK", ""), 400, "value is required");
        assertError(put("OK", "a\nb"), 400, "value must be one line");
        assertError(host.http().postJson("/api/v1/secrets", "{\"name\":\"OK\",\"value\":\"v\",\"x\":1}"), 400, "unknown field x");
        assertThat(host.http().get("/api/v1/secrets").json().get("total").asInt()).isZero();
    }

    @Test
    void valuesAreEncryptedAtRestWithAKeyFileOnlyTheOwnerCanRead() throws Exception {
        put("STRIPE_KEY", VALUE);
        Path db = host.dataDir().resolve("plugboard.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT value FROM secrets WHERE name = 'STRIPE_KEY'")) {
            assertThat(rs.next()).isTrue();
            String stored = rs.getString(1);
            assertThat(stored).startsWith("v1:").doesNotContain(VALUE)
                    .doesNotContain(Base64.getEncoder().encodeToString(VALUE.getBytes()));
        }
        Path key = host.dataDir().resolve("secrets.key");
        assertThat(key).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(key))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    @Test
    void aSecretInUseCannotBeDeletedAndAnUnknownOneCannotBeReferenced() {
        put("API_KEY", VALUE);
        assertError(host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "W", "url", "https://example.com/in",
                "events", List.of("ping"), "headers", Map.of("X-Key", "{{secret \"OTHER\"}}")))), 400, "unknown secret OTHER");
        Http.Response w = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Uses it", "url",
                "https://example.com/in", "events", List.of("ping"), "headers", Map.of("X-Key", "{{secret \"API_KEY\"}}"))));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        String id = w.json().get("id").asText();

        Http.Response refused = host.http().delete("/api/v1/secrets/API_KEY");
        assertError(refused, 409, "secret API_KEY is used by Uses it (" + id + ")");
        assertThat(refused.json().get("details").get("webhooks").asText()).isEqualTo("Uses it (" + id + ")");

        Http.Response t = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Template", "url",
                "https://example.com/in", "events", List.of("ping"), "format", "template",
                "template", "{\"k\": \"{{secret \"API_KEY\"}}\"}")));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        host.http().patchJson("/api/v1/webhooks/" + id, "{\"headers\":{}}");
        assertError(host.http().delete("/api/v1/secrets/API_KEY"), 409, "Template (");
        assertThat(host.http().delete("/api/v1/webhooks/" + t.json().get("id").asText()).status()).isEqualTo(204);

        assertThat(host.http().delete("/api/v1/secrets/API_KEY").status()).isEqualTo(204);
        assertError(host.http().delete("/api/v1/secrets/API_KEY"), 404, "no secret is named 'API_KEY'");
    }

    @Test
    void theConfiguredKeyWinsOverTheFileAndMustBe256Bits() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        String env = Base64.getEncoder().encodeToString(raw);
        Path dir = TestHost.tempDir("key");
        assertThat(io.plugboard.host.internal.secrets.SecretKeys.load(env, dir).getEncoded()).isEqualTo(raw);
        assertThat(dir.resolve("secrets.key")).doesNotExist();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        io.plugboard.host.internal.secrets.SecretKeys.load(Base64.getEncoder().encodeToString(new byte[16]), dir))
                .hasMessageContaining("must be 32 bytes");
    }
}
