package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One host loads a folder of real plugin jars, built here with javac: good ones, and each way a
 * plugin can go wrong. The host must start, load the good ones, and say why each bad one is not running.
 */
class TestPluginLoading {

    private static TestHost host;
    private static Http http;

    @BeforeAll
    static void startWithPlugins() throws Exception {
        Path dir = TestHost.tempDir("plugins");
        Plugins.good("alpha", "alpha_created", "alpha_deleted").writeTo(dir);
        Plugins.withMainClass("beta", "beta_started").writeTo(dir);
        Plugins.good("dup", "alpha_created", "dup_own").writeTo(dir);
        Plugins.good("future", "future_thing").manifest("Plugin-Requires", ">=99.0.0").writeTo(dir);
        Plugins.throwingStart("crashy").writeTo(dir);
        Plugins.throwingProvider("badprovider").writeTo(dir);
        Plugins.badSample("badsample").writeTo(dir);
        Plugins.good("bundler", "bundler_event").bundle(EventTypeProvider.class).bundle(EventType.class)
                .bundle(EventType.Builder.class).writeTo(dir);
        Files.write(dir.resolve("not-a-plugin.jar"), new byte[] {1, 2, 3, 4});
        PluginJar.plugin("noid").manifest("Plugin-Id", "").writeTo(dir);
        host = TestHost.start(dir);
        http = host.http();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Map<String, JsonNode> plugins() {
        Map<String, JsonNode> byId = new HashMap<>();
        http.get("/api/v1/plugins").json().get("data").forEach(p -> byId.put(p.get("id").asText(), p));
        return byId;
    }

    /** @return the catalog's keys, without the host's own operational types (owner {@code plugboard}) */
    private static List<String> eventKeys() {
        List<String> keys = new java.util.ArrayList<>();
        for (JsonNode type : http.get("/api/v1/event-types").json().get("data")) {
            if (!type.path("plugin_id").asText().equals("plugboard")) {
                keys.add(type.path("key").asText());
            }
        }
        return keys;
    }

    @Test
    void loadsGoodPluginsAndTheirEventTypes() {
        JsonNode alpha = plugins().get("alpha");
        assertThat(alpha.get("state").asText()).isEqualTo("active");
        assertThat(alpha.get("version").asText()).isEqualTo("1.0.0");
        assertThat(alpha.get("provider").asText()).isEqualTo("Test Provider");
        assertThat(alpha.get("reason").isNull()).isTrue();
        assertThat(alpha.get("event_types")).extracting(JsonNode::asText).containsExactly("alpha_created", "alpha_deleted");

        JsonNode type = http.get("/api/v1/event-types/alpha_created").json();
        assertThat(type.get("plugin_id").asText()).isEqualTo("alpha");
        assertThat(type.get("group").asText()).isEqualTo("Alpha");
        assertThat(type.get("sample").get("id").asText()).isEqualTo("alpha_created-1");
        assertThat(type.get("schema").get("type").asText()).isEqualTo("object");
    }

    @Test
    void aMainClassGetsItsContextAndCanEmitItsOwnEventsFromStart() throws Exception {
        // Beta's start() emits beta_started, then an unknown type, and throws unless that one is refused.
        assertThat(plugins().get("beta").get("state").asText()).isEqualTo("active");
        assertThat(eventKeys()).contains("beta_started");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + host.dataDir().resolve("plugboard.db"));
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT source, data FROM events WHERE type = 'beta_started'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("source")).isEqualTo("plugin:beta");
            assertThat(rs.getString("data")).isEqualTo("{\"id\":\"from-start\"}");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aDuplicateKeyIsRefusedNamingBothPluginsAndTheFirstStays() {
        JsonNode dup = plugins().get("dup");
        assertThat(dup.get("state").asText()).isEqualTo("active");
        assertThat(dup.get("event_types")).extracting(JsonNode::asText).containsExactly("dup_own");
        assertThat(dup.get("warnings").get(0).asText())
                .contains("alpha_created").contains("plugin 'dup'").contains("plugin 'alpha' already registered it");
        assertThat(http.get("/api/v1/event-types/alpha_created").json().get("plugin_id").asText()).isEqualTo("alpha");
    }

    @Test
    void aPluginNeedingANewerHostIsRefusedWithTheReason() {
        JsonNode future = plugins().get("future");
        assertThat(future.get("state").asText()).isEqualTo("incompatible");
        assertThat(future.get("reason").asText()).isEqualTo("requires Plugboard >=99.0.0, but this host is 0.1.0");
        assertThat(eventKeys()).doesNotContain("future_thing");
    }

    @Test
    void aPluginWhoseStartThrowsIsFailedWithTheReason() {
        JsonNode crashy = plugins().get("crashy");
        assertThat(crashy.get("state").asText()).isEqualTo("failed");
        assertThat(crashy.get("reason").asText()).contains("failed to start").contains("database of crashy is on fire");
        assertThat(eventKeys()).doesNotContain("crashy_event");
    }

    @Test
    void aProviderThatThrowsFailsItsPluginWithTheReason() {
        JsonNode bad = plugins().get("badprovider");
        assertThat(bad.get("state").asText()).isEqualTo("failed");
        assertThat(bad.get("reason").asText()).contains("event type provider failed").contains("provider exploded");
    }

    @Test
    void anEventTypeWhoseSampleBreaksItsSchemaIsRefused() {
        JsonNode bad = plugins().get("badsample");
        assertThat(bad.get("state").asText()).isEqualTo("active");
        assertThat(bad.get("warnings").get(0).asText())
                .contains("badsample_event").contains("sample payload does not match the schema");
        assertThat(bad.get("warnings").get(1).asText()).contains("badsample_notjson").contains("not valid JSON");
        assertThat(bad.get("event_types")).extracting(JsonNode::asText).containsExactly("badsample_ok");
    }

    @Test
    void aPluginBundlingTheSdkStillWorksWithTheHostsCopy() {
        JsonNode bundler = plugins().get("bundler");
        assertThat(bundler.get("state").asText()).isEqualTo("active");
        assertThat(bundler.get("event_types")).extracting(JsonNode::asText).containsExactly("bundler_event");
    }

    @Test
    void jarsThatAreNotPluginsAreReportedByFileName() {
        Map<String, JsonNode> all = plugins();
        assertThat(all.get("not-a-plugin.jar").get("state").asText()).isEqualTo("failed");
        assertThat(all.get("not-a-plugin.jar").get("reason").asText()).isEqualTo("cannot be loaded: not a valid jar file");
        assertThat(all.get("noid.jar").get("reason").asText()).contains("id");
    }

    @Test
    void thePluginsPageShowsStatesAndReasons() {
        Http.Response page = http.get("/admin/plugins");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.body()).contains("alpha").contains("active")
                .contains("requires Plugboard &gt;&#x3D;99.0.0, but this host is 0.1.0")
                .contains("database of crashy is on fire")
                .contains("not-a-plugin.jar");
    }

    @Test
    void theCatalogHasExactlyTheAcceptedTypes() {
        assertThat(eventKeys()).containsExactlyInAnyOrder("order_placed", "ping", "alpha_created", "alpha_deleted",
                "beta_started", "dup_own", "badsample_ok", "bundler_event");
    }
}
