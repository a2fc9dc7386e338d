package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two host instances in one JVM on one PostgreSQL database: what one stores the other uses (admin
 * sessions, API tokens, webhooks), a delivery goes out once whichever instance emitted it, and each
 * instance reports itself and its plugin versions. Skipped, loudly, without a PostgreSQL server.
 */
class TestSharedStore {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anAdminSessionAndATokenFromOneInstanceWorkOnTheOther() throws Exception {
        String db = TestDatabases.freshSchema();
        try (TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST)) {
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(b.host().baseUrl() + "/admin/webhooks"))
                    .header("Cookie", a.http().sessionCookieHeader()).GET());
            assertThat(page.statusCode()).as("A's session on B").isEqualTo(200);
            assertThat(page.body()).contains(a.http().csrfToken());

            HttpResponse<String> token = send(HttpRequest.newBuilder(URI.create(a.host().baseUrl() + "/api/v1/tokens"))
                    .header("Authorization", basic()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"made on A\"}")));
            assertThat(token.statusCode()).isEqualTo(201);
            String value = new com.fasterxml.jackson.databind.ObjectMapper().readTree(token.body()).get("value").asText();
            HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(b.host().baseUrl() + "/api/v1/webhooks"))
                    .header("Authorization", "Bearer " + value).GET());
            assertThat(list.statusCode()).as("A's token on B").isEqualTo(200);
        }
    }

    @Test
    void aWebhookMadeOnOneInstanceGetsEveryEventOnceWhicheverInstanceEmits() throws Exception {
        String db = TestDatabases.freshSchema();
        try (Receiver receiver = new Receiver();
             TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST)) {
            a.createWebhook("Shared", receiver.url("/shared"), "ping");
            for (int i = 0; i < 60; i++) {
                (i % 2 == 0 ? a : b).host().events().emit("ping", Map.of("n", i));
            }
            List<Receiver.Request> got = receiver.awaitCount(60, Duration.ofSeconds(30));
            assertThat(got).hasSizeGreaterThanOrEqualTo(60);
            // Holding still on purpose: a duplicate from the other instance would arrive after the 60th
            // request, and nothing else announces it (PostgreSQL only; not in the default run).
            Thread.sleep(1000);
            List<String> ids = receiver.all().stream().map(r -> r.header("webhook-id")).toList();
            assertThat(Set.copyOf(ids)).hasSize(60);
            assertThat(ids).as("no event sent twice while both instances live").hasSize(60);
        }
    }

    @Test
    void instancesReportThemselvesAndWhereTheirPluginVersionsDiffer() throws Exception {
        String db = TestDatabases.freshSchema();
        Path pluginsA = TestHost.tempDir("plugins");
        Path pluginsB = TestHost.tempDir("plugins");
        plugin("1.0.0").writeTo(pluginsA);
        plugin("1.1.0").writeTo(pluginsB);
        for (Path folder : List.of(pluginsA, pluginsB)) {
            plugin("zebra", "2.0.0").writeTo(folder);
            plugin("aardvark", "3.0.0").writeTo(folder);
        }
        try (TestHost a = TestHost.onPostgres(db, "node-a", pluginsA, TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", pluginsB, TestHost.FAST)) {
            JsonNode listing = a.http().get("/api/v1/instances").json();
            assertThat(listing.get("total").asInt()).isEqualTo(2);
            assertThat(listing.get("this_instance").asText()).isEqualTo("node-a");
            assertThat(listing.get("data").get(0).get("id").asText()).isEqualTo("node-a");
            Map<String, String> versions = listing.findValues("plugins").stream().collect(Collectors.toMap(
                    p -> p.get("shipping").asText(), p -> "seen"));
            assertThat(versions).containsOnlyKeys("1.0.0", "1.1.0");
            List<String> idsOnA = new java.util.ArrayList<>();
            listing.get("data").get(0).get("plugins").fieldNames().forEachRemaining(idsOnA::add);
            assertThat(idsOnA).as("plugins listed by id").containsExactly("aardvark", "shipping", "zebra");
            assertThat(listing.get("data").get(1).get("live").asBoolean()).isTrue();
            assertThat(listing.get("plugin_versions_differ").get(0).asText())
                    .isEqualTo("shipping: 1.0.0 on node-a; 1.1.0 on node-b");

            HtmlPage page = HtmlPage.of(b.http().get("/admin/plugins"));
            assertThat(page.alerts()).anySatisfy(alert -> assertThat(alert)
                    .contains("The instances do not run the same plugins")
                    .contains("shipping: 1.0.0 on node-a; 1.1.0 on node-b"));
            assertThat(page.cells("Host instances on this database")).extracting(row -> row.get(0))
                    .as("the instance that served the page says so").contains("node-b (this one)");

            JsonNode health = new Http(b.host().baseUrl()).get("/health").json();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("instance_id").asText()).isEqualTo("node-b");
            assertThat(health.get("queue_lag_ms").asLong()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aSecondInstanceCannotTakeALiveInstancesId() {
        String db = TestDatabases.freshSchema();
        try (TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST))
                    .hasStackTraceContaining("the instance id 'node-a' is in use by a running instance");
            assertThat(a.http().get("/api/v1/instances").json().get("total").asInt()).isEqualTo(1);
        }
    }

    private static PluginJar plugin(String version) {
        return plugin("shipping", version);
    }

    private static PluginJar plugin(String id, String version) {
        return PluginJar.plugin(id).manifest("Plugin-Version", version).source("test." + id + ".Events", """
                package test.ID;
                import io.plugboard.sdk.*;
                import java.util.List;
                @org.pf4j.Extension
                public class Events implements EventTypeProvider {
                    public List<EventType> eventTypes() {
                        return List.of(EventType.builder("ID_sent").name("ID sent").sample("{}").build());
                    }
                }
                """.replace("ID", id));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((TestHost.ADMIN + ":" + TestHost.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
