package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Admins managing admins: adding, deleting (never oneself, never the last), changing one's password. */
class TestAccounts {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String SECOND_PASSWORD = "second admin passphrase";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private HttpResponse<String> asBasic(String user, String password, String method, String path, String json)
            throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.host().baseUrl() + path))
                .header("Authorization", "Basic " + credentials)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> adminNames() {
        List<String> names = new java.util.ArrayList<>();
        host.http().get("/api/v1/admins").json().get("data").forEach(a -> names.add(a.get("username").asText()));
        return names;
    }

    @Test
    void theApiAddsListsAndDeletesAdminsButNeverYourselfOrTheLast() throws Exception {
        Http.Response added = host.http().postJson("/api/v1/admins", Http.json(Map.of("username", "second", "password", SECOND_PASSWORD)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("username").asText()).isEqualTo("second");
        assertThat(added.json().get("id").asText()).startsWith("usr_");
        assertThat(added.body()).doesNotContain(SECOND_PASSWORD).doesNotContain("hash");
        assertThat(adminNames()).containsExactly("admin", "second");

        assertThat(host.http().postJson("/api/v1/admins", Http.json(Map.of("username", "second", "password", SECOND_PASSWORD)))
                .json().get("details").get("username").asText()).contains("already exists");
        Http.Response bad = host.http().postJson("/api/v1/admins", "{\"username\":\"<b>x</b>\",\"password\":\"short\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("details").get("username").asText()).contains("1 to 64 letters");
        assertThat(bad.json().get("details").get("password").asText()).contains("at least 12 characters");
        assertThat(host.http().postJson("/api/v1/admins", "{\"username\":\"x\",\"password\":\"" + SECOND_PASSWORD + "\",\"role\":1}")
                .status()).isEqualTo(400);

        HttpResponse<String> self = asBasic("second", SECOND_PASSWORD, "DELETE", "/api/v1/admins/second", null);
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("cannot delete your own account");
        assertThat(asBasic("second", SECOND_PASSWORD, "DELETE", "/api/v1/admins/admin", null).statusCode()).isEqualTo(204);
        assertThat(adminNames()).containsExactly("second");
        Http.Response last = host.http().delete("/api/v1/admins/second");
        assertThat(last.status()).as("an admin-scope token may not delete the last admin either").isEqualTo(409);
        assertThat(last.json().get("error").asText()).contains("last admin");
        assertThat(host.http().delete("/api/v1/admins/nobody").status()).isEqualTo(404);
        assertThat(adminNames()).containsExactly("second");
    }

    @Test
    void changingAPasswordThroughTheApiNeedsTheCurrentOneAndEndsThatAdminsSessions() throws Exception {
        Http otherSession = new Http(host.host().baseUrl());
        otherSession.login(TestHost.ADMIN, TestHost.PASSWORD);
        Http.Response wrong = host.http().postJson("/api/v1/admins/admin/password",
                "{\"current_password\":\"not it at all\",\"new_password\":\"a brand new passphrase\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("details").get("current_password").asText()).isEqualTo("the current password is wrong");
        Http.Response tooShort = host.http().postJson("/api/v1/admins/admin/password",
                "{\"current_password\":\"" + TestHost.PASSWORD + "\",\"new_password\":\"short\"}");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("the new password must be at least 12 characters");
        assertThat(host.http().postJson("/api/v1/admins/admin/password", "{\"new_password\":\"a brand new passphrase\"}")
                .status()).isEqualTo(400);
        assertThat(host.http().postJson("/api/v1/admins/nobody/password", "{\"current_password\":\"x\",\"new_password\":\"y\"}")
                .status()).isEqualTo(404);
        assertThat(otherSession.get("/admin/webhooks").status()).as("nothing changed yet").isEqualTo(200);

        HttpResponse<String> ok = asBasic(TestHost.ADMIN, TestHost.PASSWORD, "POST", "/api/v1/admins/admin/password",
                "{\"current_password\":\"" + TestHost.PASSWORD + "\",\"new_password\":\"a brand new passphrase\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
        assertThat(asBasic(TestHost.ADMIN, TestHost.PASSWORD, "GET", "/api/v1/webhooks", null).statusCode()).isEqualTo(401);
        assertThat(asBasic(TestHost.ADMIN, "a brand new passphrase", "GET", "/api/v1/webhooks", null).statusCode()).isEqualTo(200);
        assertThat(otherSession.get("/admin/webhooks").status()).as("sessions of that admin ended").isEqualTo(302);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeALogin() {
        for (int i = 0; i < 5; i++) {
            assertThat(host.http().postJson("/api/v1/admins/admin/password", "{\"current_password\":\"guess number " + i
                    + "\",\"new_password\":\"a brand new passphrase\"}").status()).isEqualTo(400);
        }
        Http.Response locked = host.http().postJson("/api/v1/admins/admin/password", "{\"current_password\":\""
                + TestHost.PASSWORD + "\",\"new_password\":\"a brand new passphrase\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("error").asText()).contains("too many failed logins");
        assertThat(locked.header("Retry-After")).isNotNull();
    }

    @Test
    void theAccountPageChangesThePasswordAndKeepsOnlyThisSession() {
        Http otherSession = new Http(host.host().baseUrl());
        otherSession.login(TestHost.ADMIN, TestHost.PASSWORD);
        HtmlPage account = HtmlPage.of(host.http().get("/admin/account"));
        HtmlPage main = account.within("main");
        assertThat(main.text()).contains("Signed in as admin. Changing the password ends your other sessions");
        // The name is set in bold, which only the markup shows.
        assertThat(main.element("p:containsOwn(Signed in as) > strong").text()).isEqualTo("admin");
        assertThat(account.linkTo("/admin/account")).as("the top bar's link").isEqualTo("Signed in as admin");
        assertThat(main.link("Admins")).isEqualTo("/admin/admins");

        Http.Response mismatch = host.http().postForm("/admin/account/password", List.of(Map.entry("current_password", TestHost.PASSWORD),
                Map.entry("new_password", "a brand new passphrase"), Map.entry("confirm", "another passphrase")));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("the two new passwords differ");
        Http.Response wrong = host.http().postForm("/admin/account/password", List.of(Map.entry("current_password", "guess guess guess"),
                Map.entry("new_password", "a brand new passphrase"), Map.entry("confirm", "a brand new passphrase")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("the current password is wrong");
        assertThat(host.http().postForm("/admin/account/password", List.of(Map.entry("current_password", TestHost.PASSWORD),
                Map.entry("new_password", "a brand new passphrase"), Map.entry("confirm", "a brand new passphrase"),
                Map.entry("_csrf", "forged"))).status()).as("CSRF").isEqualTo(403);

        Http.Response ok = host.http().postForm("/admin/account/password", List.of(Map.entry("current_password", TestHost.PASSWORD),
                Map.entry("new_password", "a brand new passphrase"), Map.entry("confirm", "a brand new passphrase")));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).isEqualTo("/admin/account");
        assertThat(Http.cookie(ok, "plugboard_flash")).contains("Password+changed");
        assertThat(host.http().get("/admin/account").status()).as("this session stays").isEqualTo(200);
        assertThat(otherSession.get("/admin/webhooks").status()).isEqualTo(302);
        Http relogin = new Http(host.host().baseUrl());
        relogin.login(TestHost.ADMIN, "a brand new passphrase");
    }

    @Test
    void theAdminsPageAddsAndDeletesOthersButNotYourself() {
        Http.Response mismatch = host.http().postForm("/admin/admins", List.of(Map.entry("username", "second"),
                Map.entry("password", SECOND_PASSWORD), Map.entry("confirm", "something else entirely")));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("the two passwords differ");
        Http.Response hostile = host.http().postForm("/admin/admins", List.of(Map.entry("username", "<script>x</script>"),
                Map.entry("password", SECOND_PASSWORD), Map.entry("confirm", SECOND_PASSWORD)));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>x").contains("&lt;script&gt;");
        Http.Response added = host.http().postForm("/admin/admins", List.of(Map.entry("username", "second"),
                Map.entry("password", SECOND_PASSWORD), Map.entry("confirm", SECOND_PASSWORD)));
        assertThat(added.status()).isEqualTo(302);
        assertThat(Http.cookie(added, "plugboard_flash")).contains("second+added");
        HtmlPage page = HtmlPage.of(host.http().get("/admin/admins"));
        assertThat(page.cells(0)).extracting(row -> row.get(0)).contains("admin (you)", "second");
        HtmlPage secondRow = page.row("Admins", "second");
        assertThat(secondRow.buttons()).containsExactly("Delete second");
        assertThat(secondRow.element("form:has(button)").attr("action")).as("where the button posts")
                .isEqualTo("/admin/admins/second/delete");
        HtmlPage you = page.row("Admins", "admin (you)");
        assertThat(you.buttons()).as("no deleting yourself").isEmpty();
        assertThat(you.all("form")).isEmpty();

        Http second = new Http(host.host().baseUrl());
        second.login("second", SECOND_PASSWORD);
        Http.Response self = host.http().postForm("/admin/admins/admin/delete", List.of());
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.body()).contains("cannot delete your own account");
        assertThat(host.http().postForm("/admin/admins/second/delete", List.of()).status()).isEqualTo(302);
        assertThat(second.get("/admin/webhooks").status()).as("the deleted admin's session ended").isEqualTo(302);
        assertThat(adminNames()).containsExactly("admin");
    }

    @Test
    void aConfiguredAdminIsNotAppliedOnceAdminsExistAndTheLogSaysSo() {
        host.stop();
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try (io.plugboard.host.Plugboard again = InternalConfigs.cheapPasswordHashing(io.plugboard.host.Plugboard.builder())
                .pluginsDir(host.pluginsDir()).dataDir(host.dataDir()).port(0).adminUser("newcomer", "newcomer passphrase").build().start()) {
            assertThat(again.port()).isPositive();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("Admins already exist, so the configured admin user")
                .contains("'newcomer' was not created").doesNotContain("newcomer passphrase");
        host.restart();
        assertThat(host.http().get("/api/v1/admins").body()).doesNotContain("newcomer");
    }
}
