package io.plugboard.host.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            assertThat(page).contains("<link rel=\"stylesheet\" href=\"/admin/plugins/acme/style.css\">")
                    .contains("<meta name=\"acme-version\" content=\"1&quot;&gt;&lt;script&gt;")
                    .doesNotContain("<script>alert(1)")
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
            assertThat(page).contains("data-widget=\"acme:stats\"")
                    .contains("<a href=\"/admin/plugins/acme/report\">Acme &lt;stats&gt;</a>")
                    .contains("<p>12 orders today</p>");
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
            assertThat(host.http().get("/admin/webhooks/" + id + "/edit").body())
                    .contains("From plugins").contains("<dt>Acme routing</dt><dd>queue &lt;orders&gt;</dd>");
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
