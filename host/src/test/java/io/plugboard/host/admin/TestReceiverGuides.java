package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
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
        assertThat(r.body()).contains("<h1>Connect the pager</h1>").contains("<li>Open <em>Settings → Webhooks</em>")
                .contains("<td><code>secret</code></td>").contains("href=\"https://pager.example/docs\"")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt;")
                .doesNotContain("<script>alert").doesNotContain("javascript:alert");
    }

    @Test
    void aReceiverWithoutAGuideOrAnUnknownOneIs404() {
        assertThat(host.http().get("/admin/inbound/receivers/nope/guide").status()).isEqualTo(404);
    }
}
