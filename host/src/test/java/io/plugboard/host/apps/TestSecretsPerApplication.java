package io.plugboard.host.apps;

import static io.plugboard.host.apps.TestApplications.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Named secrets per application: the same name holds a value in each, a webhook reads only its own
 * application's (when saved, previewed and sent), and another application's secret is not found.
 */
class TestSecretsPerApplication {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String USES_KEY = "{\"X-Api-Key\":\"{{secret \\\"API_KEY\\\"}}\"}";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.eventType(EventType.builder("invoice.paid").name("Invoice paid")
                    .sample("{\"n\":1}").build())));

    private final Receiver forA = new Receiver();
    private final Receiver forB = new Receiver();

    @AfterEach
    void closeReceivers() {
        forA.close();
        forB.close();
    }

    @Test
    void eachWebhookSendsItsOwnApplicationsValueOfTheSameName() throws Exception {
        app("acme");
        app("globex");
        secret("/api/v1/apps/acme", "API_KEY", "acme-value");
        secret("/api/v1/apps/globex", "API_KEY", "globex-value");
        webhook("/api/v1/apps/acme", forA, USES_KEY);
        webhook("/api/v1/apps/globex", forB, USES_KEY);

        host.host().emitFor("acme", "invoice.paid", Map.of("n", 1));
        host.host().emitFor("globex", "invoice.paid", Map.of("n", 2));

        assertThat(forA.awaitCount(1, WAIT).get(0).header("X-Api-Key")).isEqualTo("acme-value");
        assertThat(forB.awaitCount(1, WAIT).get(0).header("X-Api-Key")).isEqualTo("globex-value");

        // Replacing one application's value changes what its webhook sends only.
        Http.Response replaced = host.http().postJson("/api/v1/apps/acme/secrets",
                "{\"name\":\"API_KEY\",\"value\":\"acme-new\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        host.host().emitFor("acme", "invoice.paid", Map.of("n", 3));
        host.host().emitFor("globex", "invoice.paid", Map.of("n", 4));
        assertThat(forA.awaitCount(2, WAIT).get(1).header("X-Api-Key")).isEqualTo("acme-new");
        assertThat(forB.awaitCount(2, WAIT).get(1).header("X-Api-Key")).isEqualTo("globex-value");
    }

    @Test
    void anotherApplicationsSecretIsNotFoundAndCannotBeReferred() {
        app("acme");
        app("globex");
        secret("/api/v1/apps/globex", "ONLY_GLOBEX", "g");
        secret("/api/v1", "ONLY_DEFAULT", "d");

        assertThat(names("/api/v1/apps/acme")).isEmpty();
        assertThat(names("/api/v1/apps/globex")).containsExactly("ONLY_GLOBEX");
        assertThat(names("/api/v1")).containsExactly("ONLY_DEFAULT");
        assertThat(names("/api/v1/apps/default")).containsExactly("ONLY_DEFAULT");
        assertError(host.http().delete("/api/v1/apps/acme/secrets/ONLY_GLOBEX"), 404, "no secret is named 'ONLY_GLOBEX'");
        assertError(host.http().delete("/api/v1/secrets/ONLY_GLOBEX"), 404, "no secret is named");
        assertError(host.http().get("/api/v1/apps/nope/secrets"), 404, "no application");

        // A webhook of acme cannot name globex's secret: not in a header, a template or as its OAuth client secret.
        String header = "{\"X-Key\":\"{{secret \\\"ONLY_GLOBEX\\\"}}\"}";
        Http.Response refused = host.http().postJson("/api/v1/apps/acme/webhooks", "{\"name\":\"W\",\"url\":\""
                + forA.url("/hook") + "\",\"events\":[\"invoice.paid\"],\"headers\":" + header + "}");
        assertError(refused, 400, "unknown secret ONLY_GLOBEX");
        Http.Response template = host.http().postJson("/api/v1/apps/acme/webhooks", "{\"name\":\"W\",\"url\":\""
                + forA.url("/hook") + "\",\"events\":[\"invoice.paid\"],\"format\":\"template\",\"template\":"
                + "\"{{secret \\\"ONLY_GLOBEX\\\"}}\"}");
        assertThat(template.status()).as(template.body()).isEqualTo(400);
        assertThat(template.body()).contains("ONLY_GLOBEX");
        Http.Response oauth = host.http().postJson("/api/v1/apps/acme/webhooks", "{\"name\":\"W\",\"url\":\""
                + forA.url("/hook") + "\",\"events\":[\"invoice.paid\"],\"oauth\":{\"token_url\":\"" + forA.url("/token")
                + "\",\"client_id\":\"c\",\"client_secret\":\"ONLY_GLOBEX\"}}");
        assertThat(oauth.status()).as(oauth.body()).isEqualTo(400);
        assertThat(oauth.json().get("details").get("oauth.client_secret").asText()).contains("names no secret");
        assertThat(host.http().get("/api/v1/apps/acme/webhooks").json().get("total").asInt()).as("nothing stored").isZero();
        webhook("/api/v1/apps/globex", forB, header);

        // The preview names the application's secrets the same way.
        String preview = "{\"event\":\"invoice.paid\",\"headers\":" + header + "}";
        assertError(host.http().postJson("/api/v1/apps/acme/webhooks/preview", preview), 400, "unknown secret ONLY_GLOBEX");
        Http.Response shown = host.http().postJson("/api/v1/apps/globex/webhooks/preview", preview);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("****").doesNotContain("\"g\"");
    }

    @Test
    void aSecretInUseIsKeptOnlyInItsOwnApplication() {
        app("acme");
        secret("/api/v1/apps/acme", "API_KEY", "a");
        secret("/api/v1", "API_KEY", "d");
        webhook("/api/v1/apps/acme", forA, USES_KEY);

        assertError(host.http().delete("/api/v1/apps/acme/secrets/API_KEY"), 409, "API_KEY");
        assertThat(host.http().delete("/api/v1/secrets/API_KEY").status())
                .as("no webhook of the default application uses its API_KEY").isEqualTo(204);
        assertThat(names("/api/v1/apps/acme")).containsExactly("API_KEY");
    }

    @Test
    void previewAndConsoleOfAnotherApplicationsWebhookAreNotFound() throws Exception {
        app("acme");
        app("globex");
        String b = webhook("/api/v1/apps/globex", forB, "{}");
        for (String base : List.of("/api/v1/apps/acme", "/api/v1")) {
            assertError(host.http().postJson(base + "/webhooks/" + b + "/console", "{}"), 404, "no webhook");
            assertError(host.http().postJson(base + "/webhooks/preview", "{\"webhook_id\":\"" + b + "\"}"), 404,
                    "no webhook");
        }
        Http.Response sent = host.http().postJson("/api/v1/apps/globex/webhooks/" + b + "/console", "{}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(forB.awaitCount(1, WAIT)).hasSize(1);
        assertThat(forA.all()).isEmpty();
    }

    @Test
    void theDefaultApplicationsValuesAreSealedAsBeforeAndOthersToTheirApplication() throws Exception {
        String acme = appId("acme");
        secret("/api/v1", "API_KEY", "default-value");
        secret("/api/v1/apps/acme", "API_KEY", "acme-value");
        SecretKeySpec key = new SecretKeySpec(Base64.getDecoder().decode(
                Files.readString(host.dataDir().resolve("secrets.key")).strip()), "AES");
        try (Connection c = TestHost.connection(host.dataDir());
             PreparedStatement q = c.prepareStatement("SELECT value FROM secrets WHERE app_id = ? AND name = 'API_KEY'")) {
            // The default application's place is the name alone, as before applications: existing values still open.
            String ofDefault = sealed(q, "app_default");
            assertThat(open(key, ofDefault, "API_KEY")).isEqualTo("default-value");
            String ofAcme = sealed(q, acme);
            assertThat(open(key, ofAcme, acme + "/API_KEY")).isEqualTo("acme-value");
            assertThatThrownBy(() -> open(key, ofAcme, "API_KEY")).as("acme's value does not open as the default's")
                    .isInstanceOf(GeneralSecurityException.class);
        }
    }

    private static String sealed(PreparedStatement q, String app) throws Exception {
        q.setString(1, app);
        try (ResultSet rs = q.executeQuery()) {
            assertThat(rs.next()).as("a row of " + app).isTrue();
            return rs.getString(1);
        }
    }

    /** Opens a value as the host seals it: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag), the place as associated data. */
    private static String open(SecretKeySpec key, String stored, String place) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(stored.substring("v1:".length()));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
        cipher.updateAAD(place.getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    }

    private String appId(String uid) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private void app(String uid) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void secret(String base, String name, String value) {
        Http.Response r = host.http().postJson(base + "/secrets", "{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(base + "/secrets/" + name);
    }

    private List<String> names(String base) {
        Http.Response r = host.http().get(base + "/secrets");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("data").findValuesAsText("name");
    }

    private String webhook(String base, Receiver receiver, String headers) {
        Http.Response r = host.http().postJson(base + "/webhooks", "{\"name\":\"W\",\"url\":\"" + receiver.url("/hook")
                + "\",\"events\":[\"invoice.paid\"],\"headers\":" + headers + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
