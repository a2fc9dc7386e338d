package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import io.plugboard.sdk.EventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who gets in: API credentials, admin sessions, CSRF, lockout, setup, tokens — tried against a real host. */
class TestAuthentication {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private Http anonymous;

    @BeforeEach
    void start() {
        anonymous = new Http(host.host().baseUrl());
    }

    private HttpResponse<String> raw(String path, String method, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.host().baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theApiNeedsATokenOrAnAdminsPassword() throws Exception {
        Http.Response none = anonymous.get("/api/v1/webhooks");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).contains("Authorization: Bearer");
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(raw("/api/v1/webhooks", "GET", null, "Authorization", "Bearer pbk_wrong").statusCode()).isEqualTo(401);
        assertThat(raw("/api/v1/webhooks", "GET", null, "Authorization", basic(TestHost.ADMIN, "wrong password!")).statusCode())
                .isEqualTo(401);
        assertThat(raw("/api/v1/webhooks", "GET", null, "Authorization", basic(TestHost.ADMIN, TestHost.PASSWORD)).statusCode())
                .isEqualTo(200);
        assertThat(raw("/metrics", "GET", null).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/health").status()).as("health stays public").isEqualTo(200);
        assertThat(anonymous.get("/plugboard/static/admin.css").status()).as("static assets stay public").isEqualTo(200);
        assertThat(anonymous.postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\",\"events\":[\"ping\"]}")
                .status()).isEqualTo(401);
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).as("nothing was created").isZero();
    }

    @Test
    void crossSiteWritesWithRememberedCredentialsAreRefused() throws Exception {
        String basic = basic(TestHost.ADMIN, TestHost.PASSWORD);
        String json = "{\"name\":\"x\",\"url\":\"https://evil.example/\",\"events\":[\"ping\"]}";
        HttpResponse<String> plain = raw("/api/v1/webhooks", "POST", json, "Authorization", basic,
                "Content-Type", "text/plain");
        assertThat(plain.statusCode()).isEqualTo(415);
        HttpResponse<String> foreign = raw("/api/v1/webhooks", "POST", json, "Authorization", basic,
                "Content-Type", "application/json", "Origin", "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("cross-site request refused");
        String self = host.host().baseUrl();
        for (String other : List.of(self.replace("http://", "https://"), "http://127.0.0.1", self + "1", "null",
                self.replace("http://", "http://user@"))) {
            HttpResponse<String> near = raw("/api/v1/webhooks", "POST", json, "Authorization", basic,
                    "Content-Type", "application/json", "Origin", other);
            assertThat(near.statusCode()).as("scheme, host and port must all match: " + other).isEqualTo(403);
            assertThat(near.body()).contains("cross-site request refused");
        }
        assertThat(raw("/api/v1/webhooks", "POST", json, "Authorization", basic, "Content-Type", "application/json",
                "Origin", self).statusCode()).as("same origin is fine").isEqualTo(201);
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void tokensAreShownOnceListedByPrefixAndStopWorkingWhenRevoked() throws Exception {
        Http.Response created = host.http().postJson("/api/v1/tokens", "{\"name\":\"deploy script\"}");
        assertThat(created.status()).isEqualTo(201);
        String value = created.json().get("value").asText();
        String id = created.json().get("token").get("id").asText();
        assertThat(value).startsWith("pbk_").hasSize(47);
        assertThat(raw("/api/v1/webhooks", "GET", null, "Authorization", "Bearer " + value).statusCode()).isEqualTo(200);

        String list = host.http().get("/api/v1/tokens").body();
        assertThat(list).contains("deploy script").contains(value.substring(0, 8)).doesNotContain(value);
        assertThat(host.http().get("/admin/tokens").body()).contains(value.substring(0, 8)).doesNotContain(value);

        assertThat(host.http().delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(raw("/api/v1/webhooks", "GET", null, "Authorization", "Bearer " + value).statusCode())
                .as("a revoked token is refused").isEqualTo(401);
        assertThat(host.http().postJson("/api/v1/tokens", "{\"name\":\"\"}").status()).isEqualTo(400);
        assertThat(host.http().delete("/api/v1/tokens/tok_nope").status()).isEqualTo(404);
    }

    @Test
    void adminPagesNeedASessionAndSendYouToTheLogin() {
        Http.Response page = anonymous.get("/admin/webhooks?q=a");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/admin/login?next=%2Fadmin%2Fwebhooks%3Fq%3Da");
        assertThat(anonymous.get("/admin/login").status()).isEqualTo(200);
        assertThat(anonymous.postForm("/admin/webhooks/x/toggle", List.of()).status()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsAreRefusedAndRepeatedFailuresLockTheAccount() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = loginAttempt("wrong password " + i);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("The user name or the password is wrong.");
        }
        HttpResponse<String> locked = loginAttempt(TestHost.PASSWORD);
        assertThat(locked.statusCode()).as("locked even with the right password").isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed logins");
    }

    private HttpResponse<String> loginAttempt(String password) throws Exception {
        Http.Response form = anonymous.get("/admin/login");
        String pre = Http.cookie(form, "plugboard_login_csrf");
        return raw("/admin/login", "POST", "_csrf=" + pre + "&username=admin&password=" + password.replace(' ', '+'),
                "Cookie", "plugboard_login_csrf=" + pre, "Content-Type", "application/x-www-form-urlencoded");
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenAreRefusedAndChangeNothing() throws Exception {
        String form = "name=Forged&url=https%3A%2F%2Fevil.example%2F&events=ping";
        for (String csrf : new String[] {"", "&_csrf=forged", "&_csrf="}) {
            HttpResponse<String> r = raw("/admin/webhooks", "POST", form + csrf, "Cookie", host.http().sessionCookieHeader(),
                    "Content-Type", "application/x-www-form-urlencoded");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("security token");
        }
        HttpResponse<String> override = raw("/admin/webhooks", "POST", form, "Cookie", host.http().sessionCookieHeader(),
                "Content-Type", "application/x-www-form-urlencoded", "X-HTTP-Method-Override", "GET");
        assertThat(override.statusCode()).as("a method override does not skip the check").isEqualTo(403);
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();

        host.createWebhook("Row", "https://example.com/row", "ping");
        String page = host.http().get("/admin/webhooks").body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page);
        int forms = 0;
        while (m.find()) {
            forms++;
            assertThat(m.group(1)).as("every form carries the session's token").isEqualTo(host.http().csrfToken());
        }
        assertThat(forms).as("logout, toggle and test forms").isGreaterThanOrEqualTo(3);
    }

    @Test
    void loginStartsAFreshSessionAndLogoutEndsIt() throws Exception {
        Http.Response form = anonymous.get("/admin/login");
        String pre = Http.cookie(form, "plugboard_login_csrf");
        String planted = "attacker-chosen-session-id";
        HttpResponse<String> r = raw("/admin/login", "POST",
                "_csrf=" + pre + "&username=admin&password=" + TestHost.PASSWORD.replace(' ', '+') + "&next=%2F%2Fevil.example",
                "Cookie", "plugboard_login_csrf=" + pre + "; plugboard_session=" + planted,
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).as("no open redirect").hasValue("/admin/webhooks");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("plugboard_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain(planted);
        assertThat(raw("/admin/webhooks", "GET", null, "Cookie", "plugboard_session=" + planted).statusCode())
                .as("the planted id is not a session").isEqualTo(302);

        assertThat(host.http().postForm("/admin/logout", List.of()).status()).isEqualTo(302);
        assertThat(host.http().get("/admin/webhooks").status()).as("the session ended").isEqualTo(302);
    }

    @Test
    void theFirstAdminIsCreatedOnceThroughTheSetupForm() throws Exception {
        try (Plugboard fresh = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d"))
                .port(0).eventType(EventType.builder("ping").name("Ping").sample("{}").build()).build().start()) {
            Http http = new Http(fresh.baseUrl());
            assertThat(http.get("/admin/webhooks").header("Location")).isEqualTo("/admin/setup");
            assertThat(http.get("/admin/login").header("Location")).isEqualTo("/admin/setup");
            Http.Response form = http.get("/admin/setup");
            assertThat(form.status()).isEqualTo(200);
            String pre = Http.cookie(form, "plugboard_login_csrf");
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> tooShort = client.send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/admin/setup"))
                    .header("Cookie", "plugboard_login_csrf=" + pre).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + pre + "&username=root&password=short&confirm=short"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tooShort.statusCode()).isEqualTo(400);
            assertThat(tooShort.body()).contains("at least 12 characters");
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/admin/setup"))
                    .header("Cookie", "plugboard_login_csrf=" + pre).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + pre
                            + "&username=root&password=a+long+passphrase&confirm=a+long+passphrase"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(302);
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(URI.create(fresh.baseUrl() + "/admin/setup"))
                    .header("Cookie", "plugboard_login_csrf=" + pre).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + pre
                            + "&username=intruder&password=another+passphrase&confirm=another+passphrase"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as("setup is closed once an admin exists").isEqualTo(403);
            Http root = Http.authenticated(fresh.baseUrl(), "root", "a long passphrase");
            assertThat(root.get("/admin/webhooks").status()).isEqualTo(200);
        }
    }

    @Test
    void behindAProxyTheSessionCookieIsSecureWhenTheProxyServedHttps() throws Exception {
        try (Plugboard proxied = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d"))
                .port(0).adminUser(TestHost.ADMIN, TestHost.PASSWORD).behindProxy(true).build().start()) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(proxied.baseUrl() + "/admin/login"))
                    .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
            String pre = form.headers().allValues("Set-Cookie").get(0);
            assertThat(pre).contains("Secure");
            String token = pre.substring("plugboard_login_csrf=".length(), pre.indexOf(';'));
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(proxied.baseUrl() + "/admin/login"))
                    .header("X-Forwarded-Proto", "https").header("Cookie", "plugboard_login_csrf=" + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=admin&password="
                            + TestHost.PASSWORD.replace(' ', '+'))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
                    assertThat(c).startsWith("plugboard_session=").contains("Secure"));
        }
        List<String> direct = raw("/admin/login", "GET", null, "X-Forwarded-Proto", "https").headers().allValues("Set-Cookie");
        assertThat(direct).isNotEmpty().allSatisfy(c ->
                assertThat(c).as("not behind a proxy: X-Forwarded-Proto is ignored").doesNotContain("Secure"));
    }

    @Test
    void anIdleSessionExpires() throws Exception {
        try (Plugboard quick = InternalConfigs.cheapPasswordHashing(Plugboard.builder()).pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d"))
                .port(0).adminUser(TestHost.ADMIN, TestHost.PASSWORD).sessionIdleTimeout(Duration.ofSeconds(1))
                .build().start()) {
            Http http = Http.authenticated(quick.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            assertThat(http.get("/admin/plugins").status()).isEqualTo(200);
            // Waited out on purpose: the session must stay idle, and any request to poll with would use it.
            Thread.sleep(1_500);
            assertThat(http.get("/admin/plugins").status()).isEqualTo(302);
        }
    }

    @Test
    void theAdminShowsWhoIsSignedIn() {
        JsonNode ignored = host.createWebhook("Seen", "https://example.com/s", "ping");
        assertThat(ignored.get("id").asText()).startsWith("wh_");
        HtmlPage page = HtmlPage.of(host.http().get("/admin/webhooks"));
        assertThat(page.link("Signed in as admin")).as("read aloud in full, shown as the name").isEqualTo("/admin/account");
        assertThat(page.element("a.user .visually-hidden").text()).isEqualTo("Signed in as");
        assertThat(page.buttons()).contains("Log out");
        assertThat(anonymous.get("/admin/login").body()).doesNotContain("Log out").doesNotContain("sidenav");
    }
}
