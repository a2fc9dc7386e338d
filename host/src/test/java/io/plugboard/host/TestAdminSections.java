package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.inbound.Inbound;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Sections turned off with {@code disableSections}: gone with their routes (404 for pages, API and public
 * endpoints), their menu entries and links, and their operations in the OpenAPI document; with every
 * section on, everything is there. Each host has a receiver plugin, so only the sections decide.
 */
class TestAdminSections {

    private static final List<String> MENU_LINKS = List.of("href=\"/admin/inbound\"", "href=\"/admin/inspector\"",
            "href=\"/admin/secrets\"");

    @Test
    void everySectionTurnedOffAnswers404OnItsPagesApiRoutesAndPublicEndpoints() {
        try (TestHost host = start(b -> b.disableSections(AdminSection.values()))) {
            Http http = host.http();
            String webhook = host.createWebhook("Orders", "https://example.com/orders", "order_placed").get("id").asText();
            for (String page : List.of("/admin/inspector", "/admin/secrets", "/admin/inbound", "/admin/inbound/new",
                    "/admin/received-events", "/admin/webhooks/" + webhook + "/console")) {
                assertThat(http.get(page).status()).as("GET " + page).isEqualTo(404);
            }
            assertThat(http.postForm("/admin/secrets", List.of(Map.entry("name", "A"), Map.entry("value", "b"))).status())
                    .isEqualTo(404);
            assertThat(http.postMultipart("/admin/plugins/upload", "jar", "x.jar", new byte[] {1}, Map.of()).status())
                    .isEqualTo(404);
            for (String api : List.of("/api/v1/secrets", "/api/v1/inspector", "/api/v1/inbound-webhooks", "/api/v1/receivers",
                    "/api/v1/received-events")) {
                assertThat(http.get(api).status()).as("GET " + api).isEqualTo(404);
            }
            assertThat(http.postJson("/api/v1/secrets", "{\"name\":\"A\",\"value\":\"b\"}").status()).isEqualTo(404);
            assertThat(http.postJson("/api/v1/webhooks/" + webhook + "/console", "{\"event\":\"ping\"}").status())
                    .isEqualTo(404);
            assertThat(http.postMultipart("/api/v1/plugins", "jar", "x.jar", new byte[] {1}, Map.of()).status())
                    .isEqualTo(404);
            Http anonymous = new Http(host.host().baseUrl());
            assertThat(anonymous.postJson("/hooks/in/inb_x/key", "{}").status()).isEqualTo(404);
            assertThat(anonymous.postJson("/inspect/ibx_x", "{}").status()).isEqualTo(404);

            assertThat(http.get("/admin/plugins").status()).as("the plugins page stays").isEqualTo(200);
            assertThat(http.get("/api/v1/plugins").status()).isEqualTo(200);
            assertThat(http.postJson("/api/v1/webhooks/preview", Http.json(Map.of("url", "https://example.com/x",
                    "event", "ping"))).status()).as("the form's preview is not the console").isEqualTo(200);
        }
    }

    @Test
    void theMenuAndThePagesLeaveOutTheSectionsTurnedOff() {
        try (TestHost host = start(b -> b.disableSections(AdminSection.values()))) {
            host.createWebhook("Orders", "https://example.com/orders", "order_placed");
            String webhooks = host.http().get("/admin/webhooks").body();
            assertThat(webhooks).contains("href=\"/admin/webhooks\"").contains("href=\"/admin/plugins\"");
            MENU_LINKS.forEach(link -> assertThat(webhooks).doesNotContain(link));
            assertThat(webhooks).doesNotContain("/console");
            String plugins = host.http().get("/admin/plugins").body();
            assertThat(plugins).doesNotContain("Upload plugin").doesNotContain("/admin/plugins/upload")
                    .contains("generic-json-receiver");
            String apiPage = host.http().get("/admin/tokens").body();
            assertThat(apiPage).contains("/api/v1/webhooks").doesNotContain("/api/v1/secrets")
                    .doesNotContain("/api/v1/inspector").doesNotContain("/api/v1/inbound-webhooks");
        }
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesLeft() {
        try (TestHost host = start(b -> b.disableSections(AdminSection.values()))) {
            JsonNode doc = host.http().get("/api/v1/openapi.json").json();
            assertThat(documented(doc)).isEqualTo(served(host)).contains("GET /api/v1/plugins")
                    .doesNotContain("POST /api/v1/plugins", "GET /api/v1/secrets", "POST /api/v1/webhooks/{id}/console",
                            "GET /api/v1/inspector", "GET /api/v1/receivers");
            List<String> tags = new ArrayList<>();
            doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
            assertThat(tags).contains("Plugins", "Webhooks").doesNotContain("Secrets", "Inspector", "Inbound webhooks");
        }
    }

    @Test
    void withEverySectionOnEverythingIsThere() {
        try (TestHost host = start(b -> b)) {
            Http http = host.http();
            host.createWebhook("Orders", "https://example.com/orders", "order_placed");
            String webhooks = http.get("/admin/webhooks").body();
            MENU_LINKS.forEach(link -> assertThat(webhooks).contains(link));
            assertThat(webhooks).contains("/console");
            assertThat(http.get("/admin/plugins").body()).contains("Upload plugin");
            for (String page : List.of("/admin/inspector", "/admin/secrets", "/admin/inbound", "/admin/received-events")) {
                assertThat(http.get(page).status()).as("GET " + page).isEqualTo(200);
            }
            JsonNode doc = http.get("/api/v1/openapi.json").json();
            assertThat(documented(doc)).isEqualTo(served(host)).contains("POST /api/v1/plugins", "GET /api/v1/secrets",
                    "POST /api/v1/webhooks/{id}/console", "GET /api/v1/inspector", "GET /api/v1/receivers");
        }
    }

    @Test
    void oneSectionTurnedOffLeavesTheOthersOn() {
        try (TestHost host = start(b -> b.disableSections(AdminSection.INSPECTOR))) {
            Http http = host.http();
            assertThat(http.get("/admin/inspector").status()).isEqualTo(404);
            assertThat(http.get("/api/v1/inspector").status()).isEqualTo(404);
            assertThat(http.get("/admin/secrets").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/secrets").status()).isEqualTo(200);
            String page = http.get("/admin/secrets").body();
            assertThat(page).contains("href=\"/admin/secrets\"").contains("href=\"/admin/inbound\"")
                    .doesNotContain("href=\"/admin/inspector\"");
        }
    }

    @Test
    void theInboundMenuEntryIsHiddenWhileNoReceiverRunsAndItsPageSaysWhy() {
        try (TestHost host = TestHost.start()) {
            Http.Response webhooks = host.http().get("/admin/webhooks");
            assertThat(webhooks.body()).doesNotContain("href=\"/admin/inbound\"").contains("href=\"/admin/inspector\"");
            Http.Response inbound = host.http().get("/admin/inbound");
            assertThat(inbound.status()).isEqualTo(200);
            assertThat(inbound.body()).contains("No receiver plugin is installed");
        }
    }

    private static TestHost start(UnaryOperator<PlugboardBuilder> customize) {
        Path plugins = Inbound.pluginsWith("generic-json-receiver");
        return TestHost.start(plugins, TestHost.tempDir("data"), customize);
    }

    /** @return the API routes the host serves, as {@code METHOD /path} */
    private static Set<String> served(TestHost host) {
        Set<String> out = new TreeSet<>();
        for (String route : host.host().routes()) {
            String path = route.substring(route.indexOf(' ') + 1);
            if (path.startsWith("/api/") || path.equals("/health") || path.equals("/metrics")) {
                out.add(route.replace("<path>", "{path}"));
            }
        }
        return out;
    }

    private static Set<String> documented(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getKey().equals("parameters")) {
                out.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return out;
    }
}
