package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin that starts but does nothing says so: one whose provider lacks {@code @Extension}, one whose
 * every event type was refused. A page whose template is not in the jar fails the plugin's start at
 * {@code add()}, naming the path. Real jars in one host's plugins folder.
 */
class TestPluginWarnings {

    private static TestHost host;
    private static Http http;

    @BeforeAll
    static void startWithPlugins() {
        Path dir = TestHost.tempDir("plugins");
        // The provider a plugin author wrote, without @Extension: no extension index is written.
        PluginJar.plugin("forgetful").source("test.forgetful.Events", """
                package test.forgetful;
                import io.plugboard.sdk.*;
                import java.util.List;
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() {
                        return List.of(EventType.builder("forgetful_done").name("n").sample("{}").build());
                    }
                }
                """).writeTo(dir);
        // order_placed and ping are the application's own types (TestHost), registered before any plugin's.
        Plugins.good("latecomer", "order_placed", "ping").writeTo(dir);
        Plugins.good("healthy", "healthy_done").writeTo(dir);
        PluginJar.plugin("mainonly").manifest("Plugin-Class", "test.mainonly.Main").source("test.mainonly.Main", """
                package test.mainonly;
                import io.plugboard.sdk.*;
                public class Main extends PlugboardPlugin {
                    public Main(PluginContext context) { super(context); }
                    @Override public void start() { }
                }
                """).writeTo(dir);
        PluginJar.plugin("typo").manifest("Plugin-Class", "test.typo.Main")
                .resource("templates/report.hbs", "<p>report</p>")
                .source("test.typo.Main", """
                        package test.typo;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.web.AdminPage;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                String name = "reprot"; // worked out at run time: only the host's add() can check it
                                context().adminPages().add(AdminPage.builder("report", "templates/" + name + ".hbs").build());
                            }
                        }
                        """).writeTo(dir);
        PluginJar.plugin("typoconst").manifest("Plugin-Class", "test.typoconst.Main")
                .resource("templates/report.hbs", "<p>report</p>")
                .source("test.typoconst.Main", """
                        package test.typoconst;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.web.AdminPage;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().adminPages().add(AdminPage.builder("report", "templates/reprot.hbs").build());
                            }
                        }
                        """).writeTo(dir);
        PluginJar.plugin("receiveronly").source("test.receiveronly.Echo", """
                package test.receiveronly;
                import io.plugboard.sdk.inbound.*;
                @org.pf4j.Extension
                public class Echo implements Receiver {
                    public String id() { return "echo"; }
                    public String name() { return "Echo"; }
                    public String description() { return "Receives anything."; }
                    public ReceiveResult parse(InboundRequest request) {
                        throw new RejectedRequestException("never called here");
                    }
                }
                """).writeTo(dir);
        host = TestHost.start(dir);
        http = host.http();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aPluginWhoseProviderLacksTheExtensionAnnotationIsActiveWithAWarningThatSaysWhatToCheck() {
        JsonNode forgetful = plugins().get("forgetful");
        assertThat(forgetful.get("state").asText()).isEqualTo("active");
        assertThat(forgetful.get("event_types")).isEmpty();
        assertThat(texts(forgetful.get("warnings"))).containsExactly("contributes nothing: no event types, receivers, "
                + "destinations, payload formats or main class were found; is the class annotated @Extension and the extension index "
                + "(META-INF/extensions.idx) in the jar?");
    }

    @Test
    void aPluginWhoseEveryEventTypeWasRefusedSaysWhichAndWhy() {
        JsonNode latecomer = plugins().get("latecomer");
        assertThat(latecomer.get("state").asText()).isEqualTo("active");
        assertThat(latecomer.get("event_types")).isEmpty();
        List<String> warnings = texts(latecomer.get("warnings"));
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).contains("none of its event types was registered")
                .contains("(order_placed, ping)");
        assertThat(warnings.get(1)).contains("'order_placed'").contains("the application already registered it");
        assertThat(warnings.get(2)).contains("'ping'").contains("the application already registered it");
    }

    @Test
    void aPluginThatContributesSomethingHasNoWarnings() {
        assertThat(plugins().get("healthy").get("warnings")).isEmpty();
        assertThat(plugins().get("healthy").get("event_types")).isNotEmpty();
        JsonNode mainOnly = plugins().get("mainonly");
        assertThat(mainOnly.get("state").asText()).isEqualTo("active");
        assertThat(mainOnly.get("warnings")).as("a main class is a contribution").isEmpty();
        JsonNode receiver = plugins().get("receiveronly");
        assertThat(receiver.get("state").asText()).isEqualTo("active");
        assertThat(receiver.get("warnings")).as("a receiver is a contribution").isEmpty();
    }

    @Test
    void thePluginsPageListsEachWarningAsVisibleText() {
        String page = http.get("/admin/plugins").body();
        String forgetfulRow = row(page, "forgetful");
        HtmlPage forgetful = HtmlPage.of(page).within("tr[data-plugin=forgetful]");
        assertThat(forgetful.text()).contains("Warnings");
        assertThat(forgetful.all("ul[aria-labelledby] li").eachText()).anySatisfy(w -> assertThat(w).startsWith(
                "contributes nothing: no event types, receivers, destinations, payload formats or main class were found"));
        String latecomerRow = row(page, "latecomer");
        assertThat(latecomerRow).contains("none of its event types was registered").contains("order_placed");
        assertThat(row(page, "healthy")).doesNotContain("Warnings");
    }

    @Test
    void aPageWhoseTemplateIsNotInTheJarFailsThePluginsStartNamingThePath() {
        JsonNode typo = plugins().get("typo");
        assertThat(typo.get("state").asText()).isEqualTo("failed");
        assertThat(typo.get("reason").asText()).startsWith("failed to start: ")
                .contains("the template 'templates/reprot.hbs' of the page 'report' is not in the plugin")
                .contains("looked for 'templates/reprot.hbs' in ").contains(".jar");
        assertThat(http.get("/admin/plugins/typo/report").status()).isEqualTo(404);
    }

    @Test
    void aPageTemplateGivenAsAConstantIsCheckedByTheVerifierAndTheJarRefused() {
        JsonNode typo = plugins().get("typoconst.jar");
        assertThat(typo.get("state").asText()).isEqualTo("failed");
        assertThat(typo.get("reason").asText()).contains("plugin 'typoconst' is refused: class test.typoconst.Main adds "
                + "an admin page with the template 'templates/reprot.hbs', which is not in the plugin");
    }

    private static Map<String, JsonNode> plugins() {
        Map<String, JsonNode> byId = new HashMap<>();
        http.get("/api/v1/plugins").json().get("data").forEach(p -> byId.put(p.get("id").asText(), p));
        return byId;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The plugin's row of the plugins table. */
    private static String row(String page, String id) {
        int start = page.indexOf("<tr data-plugin=\"" + id + "\"");
        assertThat(start).as("row of " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
