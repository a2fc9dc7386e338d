package io.plugboard.host.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.AdminSection;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The portal's test console: a payload of the customer's own, sent once to their endpoint, nothing stored. */
class TestPortalConsole {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.eventType(EventType.builder("invoice.paid").name("Invoice paid")
                    .sample("{\"invoice\":\"in_1\"}").build())));

    private final Receiver receiver = new Receiver().respond(200, "{\"thanks\":\"acme-receiver\"}");

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void sendsTheEditedPayloadSignedToTheEndpointAndShowsRequestAndResponseStoringNothing() throws Exception {
        app("acme", "[\"invoice.*\"]");
        String id = webhook("acme");
        String secret = host.http().get("/api/v1/apps/acme/webhooks/" + id).json().get("secret").asText();
        PortalVisitor visitor = enter("acme", false);
        assertThat(visitor.get("/portal/endpoints/" + id).body()).contains("/portal/endpoints/" + id + "/console");

        Http.Response page = visitor.get("/portal/endpoints/" + id + "/console");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"invoice.paid\"").contains("in_1")
                .as("not allowed for acme").doesNotContain("value=\"order_placed\"")
                .as("the host's own events").doesNotContain("plugin_failed");

        Http.Response sent = visitor.post("/portal/endpoints/" + id + "/console", "event", "invoice.paid",
                "payload", "{\"invoice\":\"in_9\",\"note\":\"<b>\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        List<Receiver.Request> got = receiver.awaitCount(1, Duration.ofSeconds(10));
        assertThat(got.get(0).path()).isEqualTo("/acme");
        assertThat(got.get(0).bodyText()).contains("in_9").contains("invoice.paid");
        assertThat(got.get(0).signedWith(secret)).isTrue();
        assertThat(sent.body()).contains("Delivered.").contains("HTTP 200").contains("POST " + receiver.url("/acme"))
                .contains("webhook-signature").contains("in_9").contains("acme-receiver")
                .as("escaped").contains("&lt;b&gt;").doesNotContain("<b>\"");

        Http.Response sample = visitor.post("/portal/endpoints/" + id + "/console", "event", "invoice.paid",
                "payload", "{}", "load_sample", "1");
        assertThat(sample.status()).isEqualTo(200);
        assertThat(sample.body()).contains("in_1");
        assertThat(receiver.all()).as("loading the sample sends nothing").hasSize(1);
        assertThat(rows("deliveries")).as("no delivery stored").isZero();
        assertThat(rows("events")).as("no event stored").isZero();
    }

    @Test
    void aBadPayloadOrEventTypeIsRefusedWith400AndNothingIsSent() throws Exception {
        app("acme", "[\"invoice.*\"]");
        String id = webhook("acme");
        PortalVisitor visitor = enter("acme", false);
        String console = "/portal/endpoints/" + id + "/console";
        Http.Response notJson = visitor.post(console, "event", "invoice.paid", "payload", "{\"invoice\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).contains("the payload is not valid JSON").contains("aria-invalid=\"true\"")
                .as("the payload is kept for fixing").contains("{&quot;invoice&quot;: ");
        Http.Response array = visitor.post(console, "event", "invoice.paid", "payload", "[1]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.body()).contains("the payload must be a JSON object");
        for (String type : List.of("order_placed", "plugin_failed", "")) {
            Http.Response r = visitor.post(console, "event", type, "payload", "{}");
            assertThat(r.status()).as(type).isEqualTo(400);
            assertThat(r.body()).contains("choose one of the event types listed");
        }
        assertThat(visitor.postRaw(console, "event", "invoice.paid", "payload", "{}").status())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(receiver.all()).as("nothing sent").isEmpty();
    }

    @Test
    void aReadOnlySessionHasNoFormAndItsPostIsRefused() {
        app("acme", null);
        String id = webhook("acme");
        PortalVisitor viewer = enter("acme", true);
        Http.Response page = viewer.get("/portal/endpoints/" + id + "/console");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Read-only access").doesNotContain("<textarea")
                .doesNotContain("action=\"/portal/endpoints/" + id + "/console\"");
        Http.Response post = viewer.post("/portal/endpoints/" + id + "/console", "event", "invoice.paid", "payload", "{}");
        assertThat(post.status()).isEqualTo(403);
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void anotherApplicationsEndpointIsNotFound() {
        app("acme", null);
        app("globex", null);
        String theirs = webhook("globex");
        PortalVisitor acme = enter("acme", false);
        assertThat(acme.get("/portal/endpoints/" + theirs + "/console").status()).isEqualTo(404);
        Http.Response post = acme.post("/portal/endpoints/" + theirs + "/console", "event", "invoice.paid",
                "payload", "{}");
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).doesNotContain(receiver.url("/globex"));
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void withTheTestConsoleSectionOffThePortalHasNoConsoleEither() {
        try (TestHost off = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.disableSections(AdminSection.TEST_CONSOLE))) {
            assertThat(off.http().postJson("/api/v1/apps", "{\"uid\":\"acme\",\"name\":\"acme\"}").status())
                    .isEqualTo(201);
            Http.Response created = off.http().postJson("/api/v1/apps/acme/webhooks", "{\"name\":\"W\",\"url\":\""
                    + receiver.url("/acme") + "\",\"events\":[\"order_placed\"]}");
            String id = created.json().get("id").asText();
            PortalVisitor visitor = new PortalVisitor(off.host().baseUrl());
            visitor.open(off.http().postJson("/api/v1/apps/acme/portal-links", "{}").json().get("url").asText());
            assertThat(visitor.get("/portal/endpoints/" + id).body()).contains("Send test").doesNotContain("/console");
            assertThat(visitor.get("/portal/endpoints/" + id + "/console").status()).isEqualTo(404);
            assertThat(visitor.post("/portal/endpoints/" + id + "/console", "event", "order_placed", "payload", "{}")
                    .status()).isEqualTo(404);
            assertThat(receiver.all()).isEmpty();
        }
    }

    private PortalVisitor enter(String app, boolean readOnly) {
        Http.Response link = host.http().postJson("/api/v1/apps/" + app + "/portal-links",
                "{\"read_only\":" + readOnly + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        assertThat(visitor.open(link.json().get("url").asText()).status()).isEqualTo(302);
        return visitor;
    }

    private void app(String uid, String allowed) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\""
                + (allowed == null ? "" : ",\"allowed_event_types\":" + allowed) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String webhook(String app) {
        Http.Response r = host.http().postJson("/api/v1/apps/" + app + "/webhooks", "{\"name\":\"W\",\"url\":\""
                + receiver.url("/" + app) + "\",\"events\":[\"invoice.paid\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private int rows(String table) throws SQLException {
        try (Connection c = host.testHost().connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
