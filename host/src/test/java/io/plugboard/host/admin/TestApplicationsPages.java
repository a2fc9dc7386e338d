package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/applications} as an admin uses it, through form posts with the CSRF token: refusals shown at their
 * fields with nothing stored, create, edit, delete only after typing the uid, the default application kept, and
 * <em>Open portal</em> landing in that application's portal; a viewer sees the list without forms.
 */
class TestApplicationsPages {

    private static TestHost host;
    private static Http admin;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        admin = new Http(host.host().baseUrl());
        admin.login(TestHost.ADMIN, TestHost.PASSWORD);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void refusalsAreShownAtTheirFieldsAndNothingIsStoredThenAValidFormCreates() {
        long before = appCount();
        Http.Response refused = admin.postForm("/admin/applications", form("uid", "bad uid!", "name", "",
                "allowed_event_types", "invoice.*\nnot a key!", "frame_ancestors", "https://ok.example.com, ftp://x/y",
                "theme_site_name", "", "theme_logo_url", "http://insecure.example.com/l.png", "theme_primary_color", "blue",
                "theme_color_scheme", "purple", "retention_days", "0", "auto_disable_after_hours", "soon"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        HtmlPage page = HtmlPage.of(refused);
        assertThat(page.alerts()).anyMatch(a -> a.contains("The application was not saved"));
        assertThat(page.field("Uid").invalid()).isTrue();
        assertThat(page.field("Uid").value()).as("kept as typed").isEqualTo("bad uid!");
        assertThat(page.field("Name").description()).contains("is required");
        assertThat(page.field("Allowed event types").description()).contains("item 2:").contains("not a key!");
        assertThat(page.field("Frame ancestors").description()).contains("item 2:");
        assertThat(page.field("Logo URL").description()).contains("https://");
        assertThat(page.field("Primary colour").description()).contains("#1f6feb");
        assertThat(page.field("Colour scheme").description()).contains("light, dark or auto");
        assertThat(page.field("Retention days").description()).contains("1 to 3650");
        assertThat(page.field("Auto-disable after hours").description()).contains("whole number");
        assertThat(appCount()).as("nothing stored").isEqualTo(before);

        Http.Response created = admin.postForm("/admin/applications", form("uid", "acme", "name", "Acme Inc.",
                "allowed_event_types", "invoice.*, customer.created", "frame_ancestors", "", "theme_site_name", "Acme",
                "theme_logo_url", "", "theme_primary_color", "#112233", "theme_color_scheme", "dark",
                "retention_days", "30", "auto_disable_after_hours", ""));

        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.header("Location")).isEqualTo("/admin/applications");
        var stored = host.http().get("/api/v1/apps/acme").json();
        assertThat(stored.path("name").asText()).isEqualTo("Acme Inc.");
        assertThat(stored.path("allowed_event_types").toString()).isEqualTo("[\"invoice.*\",\"customer.created\"]");
        assertThat(stored.path("theme").path("primary_color").asText()).isEqualTo("#112233");
        assertThat(stored.path("retention_days").asInt()).isEqualTo(30);
        assertThat(stored.path("auto_disable_after_hours").isNull()).isTrue();
        List<List<String>> rows = HtmlPage.of(admin.get("/admin/applications")).cells("Applications");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Acme Inc.", "acme", "0", "0",
                "invoice.*, customer.created"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Default application default", "default"));

        Http.Response taken = admin.postForm("/admin/applications", form("uid", "acme", "name", "Again"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(HtmlPage.of(taken).field("Uid").description()).contains("uids are unique");
    }

    @Test
    void editChangesTheApplicationAndEmptyFieldsGoBackToTheHostsSettings() {
        create("globex", "Globex");
        HtmlPage edit = HtmlPage.of(admin.get("/admin/applications/globex/edit"));
        assertThat(edit.field("Name").value()).isEqualTo("Globex");

        Http.Response saved = admin.postForm("/admin/applications/globex", form("uid", "globex-eu", "name", "Globex EU",
                "allowed_event_types", "", "frame_ancestors", "https://app.globex.example", "retention_days", ""));

        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        var stored = host.http().get("/api/v1/apps/globex-eu").json();
        assertThat(stored.path("name").asText()).isEqualTo("Globex EU");
        assertThat(stored.path("allowed_event_types").isNull()).isTrue();
        assertThat(stored.path("frame_ancestors").toString()).isEqualTo("[\"https://app.globex.example\"]");
        Http.Response bad = admin.postForm("/admin/applications/globex-eu", form("uid", "globex-eu", "name", "Globex EU",
                "theme_primary_color", "red"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(HtmlPage.of(bad).field("Primary colour").invalid()).isTrue();
        assertThat(host.http().get("/api/v1/apps/globex-eu").json().path("theme").path("primary_color").isNull())
                .as("nothing stored").isTrue();
    }

    @Test
    void deletingNeedsTheUidAndSaysWhatGoes() {
        create("initech", "Initech");
        host.http().postJson("/api/v1/apps/initech/webhooks", Http.json(Map.of("name", "Hook",
                "url", "https://example.com/hook", "events", List.of("ping"))));
        HtmlPage confirm = HtmlPage.of(admin.get("/admin/applications/initech/delete"));
        assertThat(confirm.text()).contains("1 webhook(s) and their 0 deliveries").contains("0 secret(s)");

        Http.Response wrong = admin.postForm("/admin/applications/initech/delete", form("confirm_uid", "Initech"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(HtmlPage.of(wrong).alerts()).anyMatch(a -> a.contains("does not match"));
        assertThat(host.http().get("/api/v1/apps/initech").status()).isEqualTo(200);

        Http.Response deleted = admin.postForm("/admin/applications/initech/delete", form("confirm_uid", "initech"));
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(host.http().get("/api/v1/apps/initech").status()).isEqualTo(404);
        assertThat(HtmlPage.of(admin.get("/admin/applications")).text()).doesNotContain("Initech");
    }

    @Test
    void theDefaultApplicationCannotBeDeletedNorItsUidChanged() {
        HtmlPage list = HtmlPage.of(admin.get("/admin/applications"));
        assertThat(list.all("a[href=\"/admin/applications/app_default/delete\"]")).isEmpty();
        assertThat(list.all("a[href=\"/admin/applications/app_default/edit\"]")).isNotEmpty();
        assertThat(HtmlPage.of(admin.get("/admin/applications/default/edit")).field("Uid").disabled()).isTrue();

        Http.Response delete = admin.postForm("/admin/applications/default/delete", form("confirm_uid", "default"));
        Http.Response rename = admin.postForm("/admin/applications/default", form("uid", "other", "name", "Default"));

        assertThat(delete.status()).isEqualTo(409);
        assertThat(rename.status()).isEqualTo(400);
        assertThat(HtmlPage.of(rename).field("Uid").description()).contains("stays 'default'");
        assertThat(host.http().get("/api/v1/apps/default").status()).isEqualTo(200);
    }

    @Test
    void openPortalLandsInThatApplicationsPortal() {
        create("umbrella", "Umbrella Corp");
        String id = host.http().get("/api/v1/apps/umbrella").json().path("id").asText();
        Http.Response forged = admin.postForm("/admin/applications/" + id + "/portal", form("_csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);

        Http.Response open = admin.postForm("/admin/applications/" + id + "/portal", form());

        assertThat(open.status()).isEqualTo(303);
        String link = open.header("Location");
        assertThat(link).startsWith("/portal/enter/");
        Http.Response enter = Http.exchange(host.host().baseUrl(), "GET", link, Map.of(), null);
        assertThat(enter.status()).isEqualTo(302);
        String cookie = "plugboard_portal=" + Http.cookie(enter, "plugboard_portal");
        Http.Response portal = Http.exchange(host.host().baseUrl(), "GET", "/portal", Map.of("Cookie", cookie), null);
        assertThat(portal.status()).isEqualTo(200);
        assertThat(HtmlPage.of(portal).text()).contains("Webhooks for Umbrella Corp");
        assertThat(Http.exchange(host.host().baseUrl(), "GET", link, Map.of(), null).status())
                .as("the link is used up").isNotEqualTo(302);
    }

    @Test
    void aViewerSeesTheListWithoutForms() {
        create("viewed", "Viewed Ltd");
        host.http().postJson("/api/v1/admins", Http.json(Map.of("username", "vic", "password", TestHost.PASSWORD,
                "role", "viewer")));
        Http viewer = new Http(host.host().baseUrl());
        viewer.login("vic", TestHost.PASSWORD);

        HtmlPage list = HtmlPage.of(viewer.get("/admin/applications"));

        assertThat(list.text()).contains("Viewed Ltd");
        assertThat(list.all("main form")).isEmpty();
        assertThat(list.all("main a[href=\"/admin/applications/new\"]")).isEmpty();
        assertThat(list.current("Admin sections").text()).isEqualTo("Applications");
        assertThat(HtmlPage.of(admin.get("/admin/applications")).all("main form")).isNotEmpty();
    }

    private static void create(String uid, String name) {
        Http.Response r = admin.postForm("/admin/applications", form("uid", uid, "name", name));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
    }

    private static long appCount() {
        return host.http().get("/api/v1/apps").json().path("total").asLong();
    }

    /** Form fields as name/value pairs; {@link Http#postForm} adds the session's CSRF token unless one is given. */
    private static List<Map.Entry<String, String>> form(String... nameValues) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.add(Map.entry(nameValues[i], nameValues[i + 1]));
        }
        return fields;
    }
}
