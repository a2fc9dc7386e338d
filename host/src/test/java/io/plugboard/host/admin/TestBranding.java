package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import org.junit.jupiter.api.Test;

/** The admin's logo, primary colour (a served stylesheet, since the CSP allows no inline style), extra stylesheet and footer. */
class TestBranding {

    @Test
    void theLogoColourStylesheetAndEscapedFooterAppearOnEveryPageWithinTheCsp() {
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), b -> b
                .logoUrl("https://cdn.example.com/logo.svg").primaryColor("#0F766E")
                .stylesheet("/assets/brand.css").footer("© Shop <script>alert(1)</script> & co"))) {
            Http.Response page = host.http().get("/admin/webhooks");
            assertThat(page.body()).doesNotContain("<script>alert(1)");
            HtmlPage branded = HtmlPage.of(page);
            assertThat(branded.element("a.brand img").attr("src")).isEqualTo("https://cdn.example.com/logo.svg");
            assertThat(branded.element("a.brand img").attr("alt")).as("decorative: the site name is the link's text").isEmpty();
            assertThat(branded.all("link[rel=stylesheet]").eachAttr("href")).contains("/plugboard/brand.css", "/assets/brand.css");
            assertThat(branded.element("footer").text()).isEqualTo("© Shop <script>alert(1)</script> & co");
            assertThat(branded.all("footer script")).isEmpty();
            assertThat(page.header("Content-Security-Policy"))
                    .contains("img-src 'self' data: https://cdn.example.com").doesNotContain("style-src")
                    .doesNotContain("unsafe-inline");
            Http.Response login = new Http(host.host().baseUrl()).get("/admin/login");
            assertThat(login.body()).contains("https://cdn.example.com/logo.svg").contains("/plugboard/brand.css");

            Http.Response css = new Http(host.host().baseUrl()).get("/plugboard/brand.css");
            assertThat(css.status()).isEqualTo(200);
            assertThat(css.header("Content-Type")).startsWith("text/css");
            assertThat(css.body()).contains("--accent: #0f766e;").contains("--accent-dark: #0b534d;");
        }
    }

    @Test
    void anExternalStylesheetIsAllowedByTheCspAndWithoutBrandingNothingChanges() {
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                b -> b.stylesheet("https://cdn.example.com/brand.css"))) {
            assertThat(host.http().get("/admin/webhooks").header("Content-Security-Policy"))
                    .contains("style-src 'self' https://cdn.example.com;");
        }
        try (TestHost host = TestHost.start()) {
            Http.Response page = host.http().get("/admin/webhooks");
            assertThat(page.body()).doesNotContain("class=\"logo\"").doesNotContain("brand.css")
                    .doesNotContain("site-footer");
            assertThat(new Http(host.host().baseUrl()).get("/plugboard/brand.css").status()).isEqualTo(404);
            assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'; img-src 'self' data:;");
        }
    }

    @Test
    void aColourOrAddressThatCouldEscapeItsPlaceIsRefused() {
        for (String color : new String[] {"red", "#12345", "#1234567", "#0f766e; } body { display: none", "#0f766e\n"}) {
            if (color.endsWith("\n")) {
                assertThat(Plugboard.builder().primaryColor(color)).as("surrounding space is stripped").isNotNull();
                continue;
            }
            assertThatThrownBy(() -> Plugboard.builder().primaryColor(color)).as(color)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CSS hex colour");
        }
        for (String url : new String[] {"javascript:alert(1)", "//evil.example/x.css", "http://cdn.example.com/a.css",
                "/a.css\" onload=\"x", "https://user@cdn.example.com/a.css"}) {
            assertThatThrownBy(() -> Plugboard.builder().stylesheet(url)).as(url)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https:// URL");
        }
        assertThatThrownBy(() -> Plugboard.builder().footer("one\ntwo")).hasMessageContaining("one line");
    }
}
