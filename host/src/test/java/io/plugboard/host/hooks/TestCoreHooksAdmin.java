package io.plugboard.host.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.AdminSignIn;
import io.plugboard.sdk.hooks.AdminWidget;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.FormNote;
import io.plugboard.sdk.hooks.HeadTag;
import io.plugboard.sdk.hooks.Hooks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's hooks (head, home, webhook form, sign-in), through the application's {@code plugboard.hooks()}. */
class TestCoreHooksAdmin {

    private static TestHost host;
    private static Hooks hooks;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        hooks = host.host().hooks();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void adminHeadAddsOnlyStylesheetsAndMetaTagsEscaped() {
        Registration r = hooks.addFilter(CoreHooks.ADMIN_HEAD, head -> head
                .with(HeadTag.stylesheet("/admin/plugins/acme/style.css"))
                .with(HeadTag.meta("acme-version", "1\"><script>alert(1)</script>"))
                .with(HeadTag.meta("htmx-config", "{\"allowEval\":true}")));
        try {
            String page = host.http().get("/admin/webhooks").body();
            HtmlPage head = HtmlPage.of(page);
            assertThat(head.all("link[rel=stylesheet]").eachAttr("href")).contains("/admin/plugins/acme/style.css");
            assertThat(head.element("meta[name=acme-version]").attr("content")).isEqualTo("1\"><script>alert(1)</script>");
            assertThat(head.all("script:not([src])")).as("the value stayed in its attribute").isEmpty();
            assertThat(page).doesNotContain("<script>alert(1)")
                    .doesNotContain("allowEval\":true")
                    .doesNotContain("{&quot;allowEval&quot;:true}");
        } finally {
            r.remove();
        }
        assertThatThrownBy(() -> HeadTag.stylesheet("https://evil.example/x.css")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeadTag.stylesheet("//evil.example/x.css")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeadTag("script", "/x.js", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminHomeShowsPluginWidgetsOnTheWebhooksList() {
        Registration r = hooks.addFilter(CoreHooks.ADMIN_HOME, home -> home.with(
                new AdminWidget("acme:stats", "Acme <stats>", "12 orders today", "/admin/plugins/acme/report")));
        try {
            String page = host.http().get("/admin/webhooks").body();
            HtmlPage widget = HtmlPage.of(page).within("[data-widget=\"acme:stats\"]");
            assertThat(widget.link("Acme <stats>")).isEqualTo("/admin/plugins/acme/report");
            assertThat(widget.text()).contains("12 orders today");
            assertThat(widget.all("stats")).isEmpty();
        } finally {
            r.remove();
        }
        assertThat(host.http().get("/admin/webhooks").body()).doesNotContain("data-widget=");
    }

    @Test
    void webhookFormShowsPluginNotesWithTheWebhookId() {
        String id = host.createWebhook("noted", "http://127.0.0.1:9/h", "ping").get("id").asText();
        List<String> asked = new CopyOnWriteArrayList<>();
        Registration r = hooks.addFilter(CoreHooks.WEBHOOK_FORM, form -> {
            asked.add(String.valueOf(form.webhookId()));
            return form.with(new FormNote("Acme routing", "queue <orders>"));
        });
        try {
            HtmlPage edit = HtmlPage.of(host.http().get("/admin/webhooks/" + id + "/edit"));
            assertThat(edit.text()).contains("From plugins");
            assertThat(edit.definition("Acme routing")).isEqualTo("queue <orders>");
            assertThat(edit.all("orders")).isEmpty();
            assertThat(asked).containsExactly(id);
        } finally {
            r.remove();
        }
    }

    @Test
    void adminSignedInTellsTheAccountNotThePassword() {
        List<AdminSignIn> told = new CopyOnWriteArrayList<>();
        Registration r = hooks.addAction(CoreHooks.ADMIN_SIGNED_IN, told::add);
        try {
            new Http(host.host().baseUrl()).login(TestHost.ADMIN, TestHost.PASSWORD);
            assertThat(told).containsExactly(new AdminSignIn(TestHost.ADMIN, "admin"));
        } finally {
            r.remove();
        }
    }
}
