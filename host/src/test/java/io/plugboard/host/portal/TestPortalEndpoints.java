package io.plugboard.host.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A customer managing endpoints in the portal: add, edit, secret, test, the log and Redeliver, delete. */
class TestPortalEndpoints {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.eventType(EventType.builder("invoice.paid").name("Invoice paid")
                    .description("An invoice was paid.").sample("{\"invoice\":\"in_1\"}").build())));

    private final Receiver receiver = new Receiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void addsEditsTestsRedeliversAndDeletesAnEndpoint() throws Exception {
        Http.Response app = host.http().postJson("/api/v1/apps", "{\"uid\":\"acme\",\"name\":\"Acme\","
                + "\"allowed_event_types\":[\"invoice.*\"]}");
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        visitor.open(host.http().postJson("/api/v1/apps/acme/portal-links", "{}").json().get("url").asText());

        Http.Response form = visitor.get("/portal/endpoints/new");
        assertThat(form.body()).contains("value=\"invoice.paid\"").as("not allowed for acme")
                .doesNotContain("value=\"order_placed\"");
        Http.Response refused = visitor.post("/portal/endpoints", "name", "Mine", "url", receiver.url("/in"),
                "events", "order_placed");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("order_placed").contains("value=\"Mine\"");
        Http.Response operational = visitor.post("/portal/endpoints", "name", "Mine", "url", receiver.url("/in"),
                "events", "plugin_failed");
        assertThat(operational.status()).as("the host's own events are not the customer's").isEqualTo(400);
        Http.Response badUrl = visitor.post("/portal/endpoints", "name", "<b>Mine</b>", "url", "ftp://example.com",
                "events", "invoice.paid");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.body()).contains("&lt;b&gt;Mine&lt;/b&gt;").doesNotContain("<b>Mine</b>");
        assertThat(host.http().get("/api/v1/apps/acme/webhooks").json().get("total").asInt()).isZero();

        Http.Response added = visitor.post("/portal/endpoints", "name", "Mine", "url", receiver.url("/in"),
                "events", "invoice.paid");
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        String id = added.header("Location").substring("/portal/endpoints/".length());
        JsonNode stored = host.http().get("/api/v1/apps/acme/webhooks/" + id).json();
        assertThat(stored.get("events").toString()).isEqualTo("[\"invoice.paid\"]");
        Http.Response page = visitor.get("/portal/endpoints/" + id);
        assertThat(page.body()).contains("Mine").contains("Rotate secret");

        assertThat(visitor.post("/portal/endpoints/" + id, "name", "Renamed", "url", receiver.url("/in2"),
                "events", "invoice.paid").status()).isEqualTo(302);
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + id).json().get("name").asText()).isEqualTo("Renamed");

        String secret = secretOf(visitor.get("/portal/endpoints/" + id + "/secret").body());
        assertThat(visitor.post("/portal/endpoints/" + id + "/test", "event", "invoice.paid").status()).isEqualTo(302);
        List<Receiver.Request> got = receiver.awaitCount(1, Duration.ofSeconds(10));
        assertThat(got.get(0).path()).isEqualTo("/in2");
        assertThat(got.get(0).signedWith(secret)).isTrue();

        Http.Response log = visitor.get("/portal/endpoints/" + id + "/deliveries");
        Matcher delivery = Pattern.compile("/portal/deliveries/([A-Za-z0-9_]+)\"").matcher(log.body());
        assertThat(delivery.find()).as(log.body()).isTrue();
        Http.Response one = visitor.get("/portal/deliveries/" + delivery.group(1));
        assertThat(one.body()).contains("Attempt 1").contains("Redeliver");
        Http.Response again = visitor.post("/portal/deliveries/" + delivery.group(1) + "/redeliver");
        assertThat(again.status()).isEqualTo(302);
        receiver.awaitCount(2, Duration.ofSeconds(10));

        assertThat(visitor.post("/portal/endpoints/" + id + "/rotate").status()).isEqualTo(302);
        assertThat(secretOf(visitor.get("/portal/endpoints/" + id + "/secret").body())).isNotEqualTo(secret);

        assertThat(visitor.get("/portal/event-types").body()).contains("invoice.paid").contains("in_1")
                .doesNotContain("order_placed").doesNotContain("plugin_failed");
        assertThat(visitor.get("/portal/verify").body()).contains("standardwebhooks").contains("Python")
                .contains("Go").contains("Java");

        Http.Response wrongName = visitor.post("/portal/endpoints/" + id + "/delete", "confirm_name", "Mine");
        assertThat(wrongName.status()).isEqualTo(400);
        assertThat(visitor.post("/portal/endpoints/" + id + "/delete", "confirm_name", "Renamed").status())
                .isEqualTo(302);
        assertThat(visitor.get("/portal").body()).contains("Endpoint \u201cRenamed\u201d deleted.");
        assertThat(host.http().get("/api/v1/apps/acme/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void theHostsOperationalEventTypesAreNeverOfferedToCustomers() {
        assertThat(host.http().postJson("/api/v1/apps", "{\"uid\":\"all\",\"name\":\"All\"}").status()).isEqualTo(201);
        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        visitor.open(host.http().postJson("/api/v1/apps/all/portal-links", "{}").json().get("url").asText());
        assertThat(visitor.get("/portal/endpoints/new").body()).contains("value=\"invoice.paid\"")
                .contains("value=\"order_placed\"").doesNotContain("plugin_failed").doesNotContain("webhook_disabled");
        assertThat(visitor.get("/portal/event-types").body()).doesNotContain("plugin_failed");
        Http.Response refused = visitor.post("/portal/endpoints", "name", "Spy", "url", receiver.url("/in"),
                "events", "plugin_failed");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(host.http().get("/api/v1/apps/all/webhooks").json().get("total").asInt()).isZero();
    }

    private static String secretOf(String page) {
        Matcher m = Pattern.compile("(whsec_[A-Za-z0-9+/=]+)").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }
}
