package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.AdminAuthenticator;
import io.plugboard.host.AdminPrincipal;
import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedding application's login ({@link AdminAuthenticator}): its session cookie and an SSO
 * proxy's headers sign people in, as admins or viewers; anything else falls back to Plugboard's own
 * login, or, with {@code ownLogin(false)}, to the application's login page; CSRF still holds.
 */
class TestAuthenticator {

    /** The application's own sessions: cookie value → who. */
    private static final Map<String, AdminPrincipal> SHOP_SESSIONS = Map.of(
            "s-alice", AdminPrincipal.admin("alice@shop"),
            "s-victor", AdminPrincipal.viewer("victor@shop"));

    /** Trusts the shop's session cookie, and the SSO proxy's headers when they come from the proxy (here: loopback). */
    static final AdminAuthenticator SHOP = request -> {
        Optional<AdminPrincipal> session = request.cookie("shop_session").map(SHOP_SESSIONS::get);
        if (session.isPresent()) {
            return session;
        }
        if (!request.remoteAddress().equals("127.0.0.1")) {
            return Optional.empty();
        }
        return request.header("X-Forwarded-User").map(user -> List.of(request.header("X-Forwarded-Groups").orElse("")
                .split(",")).contains("plugboard-admins") ? AdminPrincipal.admin(user) : AdminPrincipal.viewer(user));
    };

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static TestHost host;
    /** Only the application signs people in (no admin account, no login form, no HTTP Basic). */
    private static Plugboard appOnly;

    @BeforeAll
    static void start() {
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), b -> b.authenticator(SHOP));
        appOnly = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("plugins")).dataDir(TestHost.tempDir("data")).port(0)
                .authenticator(SHOP).ownLogin(false).loginUrl("/shop/login?return={next}").logoutUrl("/shop/logout")
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD)
                .build().start();
    }

    @AfterAll
    static void stop() {
        host.close();
        appOnly.close();
    }

    @Test
    void theApplicationsSessionCookieSignsInItsAdmin() {
        Http.Response page = send(host, "GET", "/admin/webhooks", Map.of("Cookie", "shop_session=s-alice"), null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("alice@shop").doesNotContain("signed in as a viewer");
        assertThat(page.body()).as("no Plugboard session to end: no logout form without the app's logout URL")
                .doesNotContain("action=\"/admin/logout\"");
    }

    @Test
    void anSsoProxysHeadersSignInOnTheAdminAndTheApi() {
        Map<String, String> sso = Map.of("X-Forwarded-User", "olga", "X-Forwarded-Groups", "staff,plugboard-admins");

        Http.Response page = send(host, "GET", "/admin/webhooks", sso, null);
        Http.Response api = send(host, "GET", "/api/v1/webhooks", sso, null);
        Http.Response write = send(host, "POST", "/api/v1/webhooks", Map.of("X-Forwarded-User", "olga",
                "X-Forwarded-Groups", "plugboard-admins", "Content-Type", "application/json"),
                Http.json(Map.of("name", "from sso", "url", "http://127.0.0.1:9/hook", "events", List.of("ping"))));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("olga");
        assertThat(api.status()).isEqualTo(200);
        assertThat(write.status()).as(write.body()).isEqualTo(201);
    }

    @Test
    void aRequestTheApplicationDoesNotVouchForIsRefused() {
        Http.Response page = send(host, "GET", "/admin/webhooks", Map.of("Cookie", "shop_session=forged"), null);
        Http.Response api = send(host, "GET", "/api/v1/webhooks", Map.of("Cookie", "shop_session=forged"), null);
        Http.Response noGroup = send(host, "POST", "/api/v1/webhooks", Map.of("X-Forwarded-User", "mallory",
                "Content-Type", "application/json"), "{}");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).startsWith("/admin/login");
        assertThat(api.status()).isEqualTo(401);
        assertThat(noGroup.status()).as("a user without the admins group is a viewer").isEqualTo(403);
        assertThat(noGroup.json().path("details").path("missing_role").asText()).isEqualTo("admin");
    }

    @Test
    void aFormOfTheApplicationsPrincipalStillNeedsItsCsrfToken() {
        Http.Response page = send(host, "GET", "/admin/tokens", Map.of("Cookie", "shop_session=s-alice"), null);
        String seed = Http.cookie(page, "plugboard_csrf_seed");
        String token = csrf(page);
        String cookies = "shop_session=s-alice; plugboard_csrf_seed=" + seed;

        Http.Response without = form(host, "/admin/tokens", cookies, "name=no-token");
        Http.Response forged = form(host, "/admin/tokens", cookies, "name=forged&_csrf=" + enc(token.substring(1) + "x"));
        Http.Response otherSeed = form(host, "/admin/tokens", "shop_session=s-alice; plugboard_csrf_seed="
                + "A".repeat(43), "name=other-seed&_csrf=" + enc(token));
        String olgasToken = csrf(send(host, "GET", "/admin/tokens", Map.of("Cookie", "plugboard_csrf_seed=" + seed,
                "X-Forwarded-User", "olga", "X-Forwarded-Groups", "plugboard-admins"), null));
        Http.Response someoneElses = form(host, "/admin/tokens", cookies, "name=olgas&_csrf=" + enc(olgasToken));
        Http.Response right = form(host, "/admin/tokens", cookies, "name=right&scope=read&_csrf=" + enc(token));
        Http.Response htmx = send(host, "POST", "/admin/tokens", Map.of("Cookie", cookies, "HX-Request", "true",
                "X-CSRF-Token", token, "Content-Type", "application/x-www-form-urlencoded"), "name=htmx&scope=read");

        assertThat(without.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(otherSeed.status()).as("the token belongs to the browser's seed").isEqualTo(403);
        assertThat(olgasToken).isNotEqualTo(token);
        assertThat(someoneElses.status()).as("the token belongs to the principal").isEqualTo(403);
        assertThat(right.status()).as(right.body()).isEqualTo(200);
        assertThat(htmx.status()).as(htmx.body()).isEqualTo(200);
        List<String> names = host.http().get("/api/v1/tokens").json().path("data").findValuesAsText("name");
        assertThat(names).contains("right", "htmx").doesNotContain("no-token", "forged", "other-seed", "olgas");
    }

    @Test
    void aViewerOfTheApplicationSeesPagesButCannotChangeAnything() {
        Http.Response page = send(host, "GET", "/admin/webhooks", Map.of("Cookie", "shop_session=s-victor"), null);
        String cookies = "shop_session=s-victor; plugboard_csrf_seed=" + Http.cookie(page, "plugboard_csrf_seed");

        Http.Response post = form(host, "/admin/tokens", cookies, "name=victors&_csrf=" + enc(csrf(page)));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("signed in as a viewer").contains("class=\"read-only\"");
        assertThat(post.status()).isEqualTo(403);
        assertThat(post.body()).contains("viewer");
        assertThat(host.http().get("/api/v1/tokens").json().path("data").findValuesAsText("name")).doesNotContain("victors");
    }

    @Test
    void plugboardsOwnLoginStillWorksWhenTheApplicationDoesNotKnowTheRequest() {
        Http own = new Http(host.host().baseUrl());
        own.login(TestHost.ADMIN, TestHost.PASSWORD);

        Http.Response page = own.get("/admin/webhooks");
        Http.Response token = own.postForm("/admin/tokens", List.of(Map.entry("name", "own-login"), Map.entry("scope", "read")));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/admin/logout\"");
        assertThat(token.status()).isEqualTo(200);
        assertThat(send(host, "GET", "/api/v1/webhooks", Map.of("Authorization", basic(TestHost.ADMIN, TestHost.PASSWORD)),
                null).status()).isEqualTo(200);
    }

    @Test
    void withoutItsOwnLoginTheAdminSendsStrangersToTheApplicationsLogin() {
        Http.Response page = send(appOnly, "GET", "/admin/webhooks?q=a", Map.of(), null);
        Http.Response login = send(appOnly, "GET", "/admin/login", Map.of(), null);
        Http.Response htmx = send(appOnly, "GET", "/admin/deliveries", Map.of("HX-Request", "true"), null);
        Http.Response basic = send(appOnly, "GET", "/api/v1/webhooks",
                Map.of("Authorization", basic(TestHost.ADMIN, TestHost.PASSWORD)), null);
        Http.Response signedIn = send(appOnly, "GET", "/admin/webhooks", Map.of("Cookie", "shop_session=s-alice"), null);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/shop/login?return=" + enc("/admin/webhooks?q=a"));
        assertThat(login.status()).isEqualTo(302);
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.header("HX-Redirect")).startsWith("/shop/login?return=");
        assertThat(basic.status()).as("HTTP Basic is Plugboard's own login too").isEqualTo(401);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.body()).contains("href=\"/shop/logout\"").doesNotContain("action=\"/admin/logout\"");
    }

    @Test
    void ownLoginOffWithoutAnAuthenticatorIsRefusedAtBuild() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).ownLogin(false).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("authenticator");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).loginUrl("//evil.example/login"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String csrf(Http.Response page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        return m.group(1);
    }

    private static Http.Response form(TestHost on, String path, String cookies, String body) {
        return send(on, "POST", path, Map.of("Cookie", cookies, "Content-Type", "application/x-www-form-urlencoded"), body);
    }

    static Http.Response send(TestHost on, String method, String path, Map<String, String> headers, String body) {
        return send(on.host(), method, path, headers, body);
    }

    static Http.Response send(Plugboard on, String method, String path, Map<String, String> headers, String body) {
        return Http.exchange(on.baseUrl(), method, path, headers, body);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
