package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PageField;
import io.plugboard.host.testing.TestCertificates;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook form's *Endpoint access* fieldset over plain HTTP: errors at their fields, the key masked and kept. */
class TestEndpointAccessForm {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    static TestCertificates.Made client;
    static TestCertificates.Made other;

    @BeforeAll
    static void certificates() {
        Path dir = TestHost.tempDir("form-tls");
        client = TestCertificates.make(dir, "client");
        other = TestCertificates.make(dir, "other");
    }

    private static List<Map.Entry<String, String>> form(String... nameValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("name", "Partner"),
                Map.entry("url", "https://partner.example.com/hooks"), Map.entry("events", "ping"), Map.entry("enabled", "on")));
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }

    private JsonNode webhooks() {
        return host.http().get("/api/v1/webhooks").json();
    }

    @Test
    void theFormShowsTheFieldsAndAKeyThatIsNotTheCertificatesAtItsField() {
        HtmlPage empty = HtmlPage.of(host.http().get("/admin/webhooks/new"));
        assertThat(empty.element("fieldset.endpoint-access legend").text()).startsWith("Endpoint access");
        assertThat(empty.field("Client key").invalid()).isFalse();
        assertThat(empty.field("OAuth token URL").value()).isEmpty();
        Http.Response r = host.http().postForm("/admin/webhooks", form("client_tls_certificate", client.certificatePem(),
                "client_tls_key", other.keyPem(), "oauth_client_id", "plugboard"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        HtmlPage refused = HtmlPage.of(r);
        PageField key = refused.field("Client key");
        assertThat(key.invalid()).isTrue();
        assertThat(key.description()).isEqualTo("client_tls.key does not match the certificate (CN=client)");
        assertThat(refused.field("OAuth token URL").description()).isEqualTo("oauth.token_url is required");
        assertThat(refused.field("OAuth client secret").invalid()).isTrue();
        assertThat(refused.field("OAuth client secret").description()).isNotBlank();
        assertThat(refused.field("Client certificate").value()).as("the typed certificate is kept")
                .contains(client.certificatePem().strip().substring(0, 60));
        assertThat(webhooks().get("total").asInt()).isZero();
    }

    @Test
    void aSavedKeyIsShownMaskedKeptOnSaveAndEmptyFieldsRemoveEverything() {
        host.http().postJson("/api/v1/secrets", Http.json(Map.of("name", "PARTNER_SECRET", "value", "s3cret")));
        Http.Response created = host.http().postForm("/admin/webhooks", form("client_tls_certificate", client.certificatePem(),
                "client_tls_key", client.keyPem(), "oauth_token_url", "https://auth.example.com/token",
                "oauth_client_id", "plugboard", "oauth_client_secret", "PARTNER_SECRET", "oauth_scope", "hooks"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String id = webhooks().get("data").get(0).get("id").asText();

        String edit = host.http().get("/admin/webhooks/" + id + "/edit").body();
        String keyPem = client.keyPem().strip();
        assertThat(edit).contains(">********</textarea>").doesNotContain(keyPem.substring(30, 70))
                .contains("value=\"PARTNER_SECRET\"").contains("value=\"https://auth.example.com/token\"");

        Http.Response saved = host.http().postForm("/admin/webhooks/" + id, form("name", "Renamed",
                "client_tls_certificate", client.certificatePem(), "client_tls_key", "********",
                "oauth_token_url", "https://auth.example.com/token", "oauth_client_id", "plugboard",
                "oauth_client_secret", "PARTNER_SECRET", "oauth_scope", "hooks"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        JsonNode w = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(w.get("client_tls").get("key").asText()).as("the mask kept the key").isEqualTo("********");
        assertThat(w.get("oauth").get("scope").asText()).isEqualTo("hooks");

        Http.Response cleared = host.http().postForm("/admin/webhooks/" + id, form("client_tls_certificate", "",
                "client_tls_key", "", "client_tls_ca", "", "oauth_token_url", "", "oauth_client_id", "",
                "oauth_client_secret", "", "oauth_scope", ""));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(302);
        JsonNode after = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(after.get("client_tls").isNull()).isTrue();
        assertThat(after.get("oauth").isNull()).isTrue();
    }
}
