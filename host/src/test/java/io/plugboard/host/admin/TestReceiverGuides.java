package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A receiver's connection guide, shipped as Markdown in its plugin's jar: linked from the receiver choice
 * (which shows each receiver's description and settings) and rendered as a page, with the plugin's raw
 * HTML and script links made harmless.
 */
class TestReceiverGuides {

    static TestHost host;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        PluginJar.plugin("pager-receiver").source("test.pager.Pager", """
                package test.pager;
                import io.plugboard.sdk.inbound.*;
                import io.plugboard.sdk.settings.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Pager implements Receiver {
                    public String id() { return "pager"; }
                    public String name() { return "Pager"; }
                    public String description() { return "Pages from the pager tool."; }
                    public List<Setting> settings() {
                        return List.of(Setting.builder("secret", SettingType.STRING).label("Shared secret").secret().build());
                    }
                    public ReceiveResult parse(InboundRequest request) { return ReceiveResult.events(List.of()); }
                }
                """).resource("plugboard/guides/pager-receiver.md", """
                # Connect the pager

                1. Open *Settings → Webhooks* in the pager tool.
                2. Paste the inbound webhook's URL.

                | setting | meaning |
                | --- | --- |
                | `secret` | the shared secret |

                <script>alert('x')</script>

                See [the pager docs](https://pager.example/docs), not [a trap](javascript:alert(1)).
                """).writeTo(plugins);
        host = TestHost.start(plugins);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void theReceiverChoiceShowsDescriptionSettingsAndTheGuideLink() {
        String page = host.http().get("/admin/inbound/new").body();
        assertThat(page).contains("Pages from the pager tool.").contains("settings: Shared secret")
                .contains("href=\"/admin/inbound/receivers/pager/guide\"").contains("How to connect Pager");
    }

    @Test
    void theGuideIsRenderedWithThePluginsHtmlEscapedAndScriptLinksDropped() {
        Http.Response r = host.http().get("/admin/inbound/receivers/pager/guide");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert").doesNotContain("javascript:alert");
        HtmlPage guide = HtmlPage.of(r);
        assertThat(guide.headings(1)).contains("Connect the pager");
        assertThat(guide.all("li").eachText()).contains("Open Settings → Webhooks in the pager tool.");
        assertThat(guide.all("li em").eachText()).as("Markdown emphasis").containsExactly("Settings → Webhooks");
        assertThat(guide.cells(0)).containsExactly(List.of("setting", "meaning"), List.of("secret", "the shared secret"));
        assertThat(guide.link("the pager docs")).isEqualTo("https://pager.example/docs");
        assertThat(guide.text()).as("the plugin's raw HTML is shown as text").contains("<script>alert('x')</script>");
        assertThat(guide.all("script:not([src])")).isEmpty();
    }

    @Test
    void aReceiverWithoutAGuideOrAnUnknownOneIs404() {
        assertThat(host.http().get("/admin/inbound/receivers/nope/guide").status()).isEqualTo(404);
    }
}
