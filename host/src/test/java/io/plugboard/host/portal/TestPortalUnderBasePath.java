package io.plugboard.host.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The portal of a host mounted under {@code /plugboard}: its link, cookie, redirects, links and forms carry the prefix. */
class TestPortalUnderBasePath {

    private static final String BASE = "/plugboard";
    /** Every attribute that makes the browser request a URL. */
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(href|action|src)=\"([^\"]*)\"");

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.basePath(BASE).eventType(EventType.builder("invoice.paid").name("Invoice paid")
                    .sample("{\"invoice\":\"in_1\"}").build())));

    private final Receiver receiver = new Receiver();

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void theLinkCookieRedirectsLinksAndFormsAreUnderTheBasePath() throws Exception {
        String server = "http://127.0.0.1:" + host.host().port();
        assertThat(host.http().postJson("/api/v1/apps", "{\"uid\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
        String url = host.http().postJson("/api/v1/apps/acme/portal-links", "{}").json().get("url").asText();
        assertThat(url).startsWith(server + BASE + "/portal/enter/");

        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        Http.Response opened = visitor.open(url);
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        assertThat(opened.header("Location")).isEqualTo(BASE + "/portal");
        assertThat(opened.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("plugboard_portal="))
                .singleElement().asString().contains("Path=" + BASE + "/portal;").contains("HttpOnly");
        Http.Response landing = Http.exchange(server, "GET", opened.header("Location"),
                java.util.Map.of("Cookie", "plugboard_portal=" + visitor.cookie()), null);
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("Webhooks for Acme");
        assertUnderBase(landing.body());
        assertThat(Http.exchange(server, "GET", "/portal", java.util.Map.of("Cookie", "plugboard_portal="
                + visitor.cookie()), null).status()).as("nothing at the root").isEqualTo(404);

        Http.Response added = visitor.post("/portal/endpoints", "name", "Mine", "url", receiver.url("/in"),
                "events", "invoice.paid");
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(added.header("Location")).startsWith(BASE + "/portal/endpoints/");
        String id = added.header("Location").substring((BASE + "/portal/endpoints/").length());
        Http.Response page = visitor.get("/portal/endpoints/" + id);
        assertThat(page.body()).contains("Endpoint \u201cMine\u201d added.")
                .contains("action=\"" + BASE + "/portal/endpoints/" + id + "\"")
                .contains("href=\"" + BASE + "/portal/endpoints/" + id + "/console\"");
        assertUnderBase(page.body());
        assertThat(host.http().get("/api/v1/apps/acme/webhooks/" + id).json().get("name").asText()).isEqualTo("Mine");

        Http.Response console = visitor.get("/portal/endpoints/" + id + "/console");
        assertThat(console.body()).contains("action=\"" + BASE + "/portal/endpoints/" + id + "/console\"");
        assertUnderBase(console.body());
        assertThat(visitor.post("/portal/endpoints/" + id + "/console", "event", "invoice.paid", "payload", "{}")
                .status()).isEqualTo(200);
        receiver.awaitCount(1, Duration.ofSeconds(10));
    }

    /** Every link, form and asset of a portal page points under the base path (or off the site). */
    private static void assertUnderBase(String html) {
        Matcher m = URL_ATTRIBUTE.matcher(html);
        int seen = 0;
        while (m.find()) {
            String target = m.group(2);
            if (target.startsWith("#") || target.startsWith("http")) {
                continue;
            }
            assertThat(target).as(m.group(0)).startsWith(BASE + "/");
            seen++;
        }
        assertThat(seen).as("the page has links").isPositive();
    }
}
