package io.plugboard.host.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A portal session sees its own application only: another's ids are not found on every route; read-only; CSRF. */
class TestPortalIsolation {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.eventType(EventType.builder("invoice.paid").name("Invoice paid")
                    .sample("{\"n\":1}").build())));

    private final Receiver receiver = new Receiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void aSessionOfOneApplicationGets404ForAnotherApplicationsIdsOnEveryRoute() throws Exception {
        app("acme");
        app("globex");
        String theirs = webhook("globex");
        String ours = webhook("acme");
        assertThat(host.http().postJson("/api/v1/apps/globex/events", "{\"type\":\"invoice.paid\",\"data\":{\"n\":2}}")
                .status()).isIn(201, 202);
        String theirDelivery = Await.value("globex's delivery", () -> deliveryOf(theirs), d -> d != null);
        JsonNode before = host.http().get("/api/v1/apps/globex/webhooks/" + theirs).json();

        PortalVisitor acme = enter("acme", false);
        for (String path : List.of("/portal/endpoints/" + theirs, "/portal/endpoints/" + theirs + "/delete",
                "/portal/endpoints/" + theirs + "/secret", "/portal/endpoints/" + theirs + "/deliveries",
                "/portal/deliveries/" + theirDelivery)) {
            Http.Response r = acme.get(path);
            assertThat(r.status()).as("GET " + path).isEqualTo(404);
            assertThat(r.body()).as(path).contains("Not found").doesNotContain(before.get("url").asText());
        }
        for (String path : List.of("/portal/endpoints/" + theirs, "/portal/endpoints/" + theirs + "/toggle",
                "/portal/endpoints/" + theirs + "/rotate", "/portal/endpoints/" + theirs + "/delete",
                "/portal/endpoints/" + theirs + "/test", "/portal/deliveries/" + theirDelivery + "/redeliver")) {
            Http.Response r = acme.post(path, "name", "Taken", "url", "https://example.com/x", "events", "invoice.paid",
                    "confirm_name", "W", "event", "invoice.paid");
            assertThat(r.status()).as("POST " + path).isEqualTo(404);
        }
        // The same 404 as an id that does not exist at all, so a customer cannot tell another's ids exist.
        assertThat(acme.get("/portal/deliveries/dl_nope").body()).contains("no delivery has the id &#x27;dl_nope&#x27;");
        assertThat(acme.get("/portal/deliveries/" + theirDelivery).body())
                .contains("no delivery has the id &#x27;" + theirDelivery + "&#x27;");
        assertThat(acme.get("/portal").body()).contains("/portal/endpoints/" + ours).doesNotContain(theirs);

        JsonNode after = host.http().get("/api/v1/apps/globex/webhooks/" + theirs).json();
        assertThat(after.get("name")).isEqualTo(before.get("name"));
        assertThat(after.get("enabled")).isEqualTo(before.get("enabled"));
        assertThat(after.get("secret")).isEqualTo(before.get("secret"));
        assertThat(deliveriesOf(theirs)).as("nothing redelivered or tested").isEqualTo(1);
    }

    @Test
    void aReadOnlySessionSeesEverythingButChangesNothing() {
        app("acme");
        String ours = webhook("acme");
        PortalVisitor viewer = enter("acme", true);
        Http.Response list = viewer.get("/portal");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Read-only access").doesNotContain("Add endpoint").doesNotContain("Turn off");
        assertThat(viewer.get("/portal/endpoints/" + ours).body()).doesNotContain("Rotate secret")
                .doesNotContain("Send test event").doesNotContain("action=\"/portal/endpoints/" + ours + "\"");
        assertThat(viewer.get("/portal/endpoints/" + ours + "/secret").status()).isEqualTo(200);
        for (String path : List.of("/portal/endpoints", "/portal/endpoints/" + ours + "/toggle",
                "/portal/endpoints/" + ours + "/rotate", "/portal/endpoints/" + ours + "/delete")) {
            Http.Response r = viewer.post(path, "name", "W2", "url", "https://example.com/x", "confirm_name", "W");
            assertThat(r.status()).as(path).isEqualTo(403);
        }
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + ours).json().get("enabled").asBoolean()).isTrue();
        assertThat(host.http().get("/api/v1/apps/acme/webhooks").json().get("total").asInt()).isEqualTo(1);
        assertThat(viewer.post("/portal/logout").status()).as("a viewer may leave").isEqualTo(200);
        assertThat(viewer.get("/portal").status()).as("and the session is over").isEqualTo(401);
    }

    @Test
    void everyFormNeedsTheSessionsCsrfToken() {
        app("acme");
        String ours = webhook("acme");
        PortalVisitor visitor = enter("acme", false);
        assertThat(visitor.postRaw("/portal/endpoints/" + ours + "/toggle").status()).isEqualTo(403);
        assertThat(visitor.postRaw("/portal/endpoints/" + ours + "/toggle", "_csrf", "x".repeat(43)).status())
                .isEqualTo(403);
        PortalVisitor other = enter("acme", false);
        assertThat(visitor.postRaw("/portal/endpoints/" + ours + "/toggle", "_csrf", other.csrf()).status())
                .as("another session's token").isEqualTo(403);
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + ours).json().get("enabled").asBoolean()).isTrue();
        Http.Response ok = visitor.post("/portal/endpoints/" + ours + "/toggle");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + ours).json().get("enabled").asBoolean()).isFalse();
    }

    private PortalVisitor enter(String app, boolean readOnly) {
        Http.Response link = host.http().postJson("/api/v1/apps/" + app + "/portal-links",
                "{\"read_only\":" + readOnly + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        assertThat(visitor.open(link.json().get("url").asText()).status()).isEqualTo(302);
        return visitor;
    }

    private void app(String uid) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String webhook(String app) {
        Http.Response r = host.http().postJson("/api/v1/apps/" + app + "/webhooks", "{\"name\":\"W\",\"url\":\""
                + receiver.url("/" + app) + "\",\"events\":[\"invoice.paid\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String deliveryOf(String webhookId) {
        try (Connection c = host.testHost().connection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM deliveries WHERE webhook_id = ?")) {
            s.setString(1, webhookId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int deliveriesOf(String webhookId) throws SQLException {
        try (Connection c = host.testHost().connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM deliveries WHERE webhook_id = ?")) {
            s.setString(1, webhookId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
