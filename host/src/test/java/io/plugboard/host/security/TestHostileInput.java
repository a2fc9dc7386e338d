package io.plugboard.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile text everywhere a user or a plugin author can put it (plugin metadata, event type names
 * and samples, webhook names and URLs, event data, endpoint responses) is escaped on every admin page.
 */
class TestHostileInput {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";

    @Test
    void everyAdminPageEscapesHostileText() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        PluginJar.plugin("evil").manifest("Plugin-Description", "desc " + SCRIPT)
                .manifest("Plugin-Provider", "prov " + IMG)
                .source("test.evil.Events", """
                        package test.evil;
                        import io.plugboard.sdk.*;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class Events implements EventTypeProvider {
                            public List<EventType> eventTypes() {
                                return List.of(EventType.builder("evil_event").name("Name <script>alert(1)</script>")
                                    .group("Group <img src=x onerror=alert(2)>")
                                    .description("Desc <script>alert(1)</script>")
                                    .sample("{\\"html\\":\\"<script>alert(1)</script>\\"}").build());
                            }
                        }
                        """).writeTo(plugins);
        try (Receiver receiver = new Receiver().respond(200, "body " + SCRIPT);
             TestHost t = TestHost.start(plugins)) {
            Http http = t.http();
            String id = t.createWebhook("Hook " + SCRIPT, receiver.url("/in?x=" + "%3Cscript%3E"), "evil_event")
                    .get("id").asText();
            t.host().events().emit("evil_event", Map.of("html", SCRIPT, "img", IMG));
            receiver.next(Duration.ofSeconds(10));
            String delivery = awaitDelivery(http, id);

            for (String page : List.of("/admin/webhooks", "/admin/events", "/admin/plugins",
                    "/admin/webhooks/" + id + "/edit", "/admin/webhooks/" + id + "/delete",
                    "/admin/webhooks/" + id + "/deliveries", "/admin/deliveries/" + delivery, "/admin/tokens",
                    "/admin/account", "/admin/admins",
                    "/admin/webhooks?q=" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")) {
                Http.Response r = http.get(page);
                assertThat(r.status()).as(page).isEqualTo(200);
                assertThat(r.body()).as(page).doesNotContain(SCRIPT).doesNotContain(IMG);
            }
            assertThat(http.get("/admin/plugins").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            String secret = http.get("/api/v1/webhooks/" + id).json().get("secret").asText();
            assertThat(http.get("/admin/webhooks/" + id + "/edit").body()).as("the secret only on request")
                    .doesNotContain(secret).contains("Show the signing secret");
            assertThat(http.get("/admin/webhooks/" + id + "/edit?reveal=secret").body())
                    .contains(secret.replace("=", "&#x3D;"));
            assertThat(http.get("/admin/deliveries/" + delivery).body()).contains("body &lt;script&gt;");
        }
    }

    private static String awaitDelivery(Http http, String webhookId) {
        return Await.value("a delivery succeeded", () -> http.get("/api/v1/webhooks/" + webhookId
                + "/deliveries?status=succeeded").json().get("data"), data -> data.size() > 0).get(0).get("id").asText();
    }
}
