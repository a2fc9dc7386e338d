package io.plugboard.host.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Portal links: single use, expiry, the portal's own cookie, and its separation from the admin and the API. */
class TestPortalLinks {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(() -> TestHost.start(TestHost.tempDir("plugins"),
            TestHost.tempDir("data"), b -> b.portalFrameAncestors("https://shop.example")));

    @Test
    void aLinkOpensOneSessionOnceAndIsStoredOnlyHashed() throws Exception {
        app("acme", null);
        Http.Response created = host.http().postJson("/api/v1/apps/acme/portal-links", "{\"expires_in\":600}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String url = created.json().get("url").asText();
        assertThat(created.json().get("expires_at").asText()).isNotBlank();
        String token = url.substring(url.lastIndexOf('/') + 1);

        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        Http.Response opened = visitor.open(url);
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        assertThat(opened.header("Location")).isEqualTo("/portal");
        String setCookie = opened.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("plugboard_portal=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/portal");
        Http.Response page = visitor.get("/portal");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Endpoints").contains("Webhooks for acme");

        Http.Response again = new PortalVisitor(host.host().baseUrl()).open(url);
        assertThat(again.status()).as("a link works once").isEqualTo(410);
        assertThat(again.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("plugboard_portal="));
        assertThat(again.body()).contains("does not work any more");

        try (Connection c = host.testHost().connection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT token_hash, used_at FROM portal_links")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)))).isNotEqualTo(token);
            assertThat(rs.getLong(2)).isPositive();
        }
    }

    @Test
    void anExpiredOrUnknownLinkIsRefusedAndBadLifetimesAreTooWithNothingStored() throws Exception {
        app("acme", null);
        String url = host.http().postJson("/api/v1/apps/acme/portal-links", "{}").json().get("url").asText();
        try (Connection c = host.testHost().connection()) {
            c.createStatement().executeUpdate("UPDATE portal_links SET expires_at = 1");
        }
        Http.Response expired = new PortalVisitor(host.host().baseUrl()).open(url);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("plugboard_portal="));
        assertThat(new PortalVisitor(host.host().baseUrl()).open(host.host().baseUrl() + "/portal/enter/nope")
                .status()).isEqualTo(410);

        for (String body : new String[] {"{\"expires_in\":59}", "{\"expires_in\":604801}", "{\"expires_in\":1.5}",
            "{\"read_only\":\"yes\"}", "{\"other\":1}"}) {
            Http.Response bad = host.http().postJson("/api/v1/apps/acme/portal-links", body);
            assertThat(bad.status()).as(body + " → " + bad.body()).isEqualTo(400);
        }
        assertThat(bad(host.http().postJson("/api/v1/apps/nope/portal-links", "{}"))).isEqualTo(404);
        try (Connection c = host.testHost().connection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM portal_links")) {
            rs.next();
            assertThat(rs.getInt(1)).as("only the first link").isEqualTo(1);
        }
    }

    @Test
    void theAdminAndTheApiRefuseThePortalCookieAndThePortalRefusesTheAdminSession() {
        app("acme", null);
        PortalVisitor visitor = enter("acme", false);
        String cookie = "plugboard_portal=" + visitor.cookie();
        String base = host.host().baseUrl();
        Http.Response admin = Http.exchange(base, "GET", "/admin/webhooks", Map.of("Cookie", cookie), null);
        assertThat(admin.status()).as(admin.body()).isIn(302, 401);
        if (admin.status() == 302) {
            assertThat(admin.header("Location")).startsWith("/admin/login");
        }
        assertThat(Http.exchange(base, "GET", "/api/v1/webhooks", Map.of("Cookie", cookie), null).status())
                .isEqualTo(401);
        assertThat(Http.exchange(base, "GET", "/api/v1/apps/acme/webhooks", Map.of("Cookie", cookie), null).status())
                .isEqualTo(401);

        Http.Response portal = Http.exchange(base, "GET", "/portal", Map.of("Cookie",
                host.http().sessionCookieHeader()), null);
        assertThat(portal.status()).as("an admin's session opens no portal").isEqualTo(401);
        assertThat(portal.body()).contains("portal session has ended");
    }

    @Test
    void deletingTheApplicationEndsItsSessionsAndRemovesItsLinks() throws Exception {
        app("acme", null);
        PortalVisitor visitor = enter("acme", false);
        host.http().postJson("/api/v1/apps/acme/portal-links", "{}");
        assertThat(visitor.get("/portal").status()).isEqualTo(200);
        assertThat(host.http().delete("/api/v1/apps/acme?confirm=acme").status()).isEqualTo(204);
        assertThat(visitor.get("/portal").status()).isEqualTo(401);
        try (Connection c = host.testHost().connection(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT (SELECT COUNT(*) FROM portal_links) + (SELECT COUNT(*) FROM portal_sessions)")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void frameAncestorsComeFromTheApplicationElseTheHostWideSetting() {
        app("acme", "[\"https://app.acme.example\"]");
        app("globex", null);
        app("initech", "[]");
        Http.Response acme = enter("acme", false).get("/portal");
        assertThat(acme.header("Content-Security-Policy")).contains("frame-ancestors https://app.acme.example")
                .contains("default-src 'self'").doesNotContain("unsafe-inline");
        assertThat(acme.header("X-Frame-Options")).isNull();
        Http.Response globex = enter("globex", false).get("/portal");
        assertThat(globex.header("Content-Security-Policy")).contains("frame-ancestors https://shop.example");
        assertThat(globex.header("X-Frame-Options")).isNull();
        Http.Response initech = enter("initech", false).get("/portal");
        assertThat(initech.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(initech.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(initech.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theThemeComesFromTheApplicationOverTheHost() {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"acme\",\"name\":\"Acme\",\"theme\":"
                + "{\"site_name\":\"Acme <Hooks>\",\"primary_color\":\"#123456\",\"color_scheme\":\"dark\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        app("globex", null);
        PortalVisitor acme = enter("acme", false);
        String page = acme.get("/portal").body();
        assertThat(page).contains("Acme &lt;Hooks&gt;").contains("data-theme=\"dark\"").contains("/portal/theme.css")
                .doesNotContain("style=");
        Http.Response css = acme.get("/portal/theme.css");
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).contains("--accent: #123456");
        String globex = enter("globex", false).get("/portal").body();
        assertThat(globex).contains("Test Site").contains("data-theme=\"auto\"").doesNotContain("/portal/theme.css");
    }

    @Test
    void theHostWideSettingTakesOriginsOnly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.plugboard.host.Plugboard.builder()
                        .portalFrameAncestors("https://app.example.com/path"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portalFrameAncestors[0]")
                .hasMessageContaining("origin only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.plugboard.host.Plugboard.builder()
                .portalFrameAncestors("'unsafe-inline'")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int bad(Http.Response r) {
        return r.status();
    }

    private PortalVisitor enter(String app, boolean readOnly) {
        Http.Response link = host.http().postJson("/api/v1/apps/" + app + "/portal-links",
                "{\"read_only\":" + readOnly + "}");
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        PortalVisitor visitor = new PortalVisitor(host.host().baseUrl());
        assertThat(visitor.open(link.json().get("url").asText()).status()).isEqualTo(302);
        return visitor;
    }

    private void app(String uid, String frameAncestors) {
        Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\""
                + (frameAncestors == null ? "" : ",\"frame_ancestors\":" + frameAncestors) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
