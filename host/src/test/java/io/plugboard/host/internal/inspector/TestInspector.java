package io.plugboard.host.internal.inspector;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request inspector on a host with the default outbound guard: a webhook delivers to an inbox on
 * the same host (the one loopback target the guard lets through), and the inbox checks the signature.
 * Inboxes are stored in the database (SQLite, or PostgreSQL in the storage suite's PostgreSQL run).
 */
class TestInspector {

    private final Path dataDir = TestHost.tempDir("data");
    private Plugboard host;
    private Http http;

    @BeforeEach
    void start() {
        host = newHost();
        http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
    }

    private Plugboard newHost() {
        PlugboardBuilder builder = InternalConfigs.cheapPasswordHashing(Plugboard.builder());
        if (TestDatabases.postgresMode()) {
            builder.database(TestDatabases.schemaFor(dataDir), null, null);
        }
        return builder.pluginsDir(TestHost.tempDir("plugins")).dataDir(dataDir)
                .port(0).bindHost("127.0.0.1").siteName("Inspector Site")
                .eventType(EventType.builder("ping").name("Ping").group("Test").sample("{\"n\":1}").build())
                .delivery(TestHost.FAST)
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD)
                .build().start();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void aRealDeliveryArrivesInTheInboxAndItsSignatureVerifies() throws Exception {
        Http.Response created = http.postJson("/api/v1/inspector", "{\"label\":\"try-out\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String inbox = created.json().get("id").asText();
        String loopback = created.json().get("loopback_url").asText();
        assertThat(loopback).isEqualTo(host.baseUrl().replace("localhost", "127.0.0.1") + "/inspect/" + inbox);

        Http.Response w = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "To inbox", "url", loopback,
                "events", List.of("ping"), "format", "cloudevents")));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        String webhookId = w.json().get("id").asText();
        Http.Response other = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Other", "url",
                "https://example.com/in", "events", List.of("ping"))));
        String otherId = other.json().get("id").asText();
        http.patchJson("/api/v1/webhooks/" + otherId, "{\"enabled\":false}");

        assertThat(http.postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":5}}").status()).isEqualTo(202);
        JsonNode received = awaitRequests(inbox, webhookId);
        JsonNode first = received.get(0);
        assertThat(first.get("method").asText()).isEqualTo("POST");
        assertThat(first.get("headers").get("content-type").get(0).asText()).isEqualTo("application/cloudevents+json");
        assertThat(first.get("body").asText()).contains("\"n\":5");
        assertThat(first.get("signature").get("valid").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("signature").get("message").asText()).contains("current signing secret");

        JsonNode against = http.get("/api/v1/inspector/" + inbox + "/requests?webhook_id=" + otherId).json().get("data").get(0);
        assertThat(against.get("signature").get("valid").asBoolean()).isFalse();
        Await.until("the inbox's answer recorded like any endpoint's", () -> http.get("/api/v1/webhooks/" + webhookId
                + "/deliveries").json().get("data").get(0).get("status").asText().equals("succeeded"));

        Http.Response token = http.postJson("/api/v1/tokens", "{\"name\":\"reader\",\"scope\":\"read\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        java.net.http.HttpResponse<String> byReader = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(host.baseUrl() + "/api/v1/inspector/" + inbox
                        + "/requests")).header("Authorization", "Bearer " + token.json().get("value").asText()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(byReader.statusCode()).as("captured requests may hold secrets: admin scope only").isEqualTo(403);
    }

    @Test
    void aCapturedTimestampBeyondAnyInstantIsShownAsInvalidNotA500() throws Exception {
        String inbox = http.postJson("/api/v1/inspector", "").json().get("id").asText();
        String webhook = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Any", "url", "https://example.com/in",
                "events", List.of("ping")))).json().get("id").asText();
        java.net.http.HttpResponse<String> posted = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(host.baseUrl() + "/inspect/" + inbox))
                        .header("webhook-id", "msg_1").header("webhook-timestamp", Long.toString(Long.MAX_VALUE))
                        .header("webhook-signature", "v1,AAAA").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        Http.Response shown = http.get("/api/v1/inspector/" + inbox + "/requests?webhook_id=" + webhook);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        JsonNode signature = shown.json().get("data").get(0).get("signature");
        assertThat(signature.get("valid").asBoolean()).isFalse();
        assertThat(signature.get("message").asText()).contains("out of range");
    }

    @Test
    void theGuardStillRefusesOtherLoopbackTargets() {
        String inbox = http.postJson("/api/v1/inspector", "").json().get("id").asText();
        String base = host.baseUrl().replace("localhost", "127.0.0.1");
        for (String url : List.of(base + "/inspect/ibx_" + "x".repeat(43), base + "/api/v1/webhooks",
                base + "/inspect/" + inbox + "?a=1", "http://127.0.0.1:1/inspect/" + inbox)) {
            Http.Response r = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "W", "url", url,
                    "events", List.of("ping"))));
            assertThat(r.status()).as(url + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("details").get("url").asText()).startsWith("url is not allowed");
        }
    }

    @Test
    void inboxesArePublicButUnguessableCappedAndDeletable() {
        String inbox = http.postJson("/api/v1/inspector", "").json().get("id").asText();
        Http anonymous = new Http(host.baseUrl());
        String big = "x".repeat(70 * 1024);
        assertThat(anonymous.postJson("/inspect/" + inbox, "{\"hello\":\"world\"}").status()).isEqualTo(200);
        assertThat(anonymous.postJson("/inspect/" + inbox, big).status()).isEqualTo(200);
        assertThat(anonymous.postJson("/inspect/ibx_unknown", "{}").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/inspector/" + inbox + "/requests").status()).isEqualTo(401);
        JsonNode data = http.get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
        assertThat(data.get(0).get("truncated").asBoolean()).isTrue();
        assertThat(data.get(0).get("body_bytes").asLong()).isEqualTo(70 * 1024);
        assertThat(data.get(0).get("body").asText()).hasSize(64 * 1024);
        assertThat(data.get(1).get("body").asText()).isEqualTo("{\"hello\":\"world\"}");
        for (int i = 0; i < 60; i++) {
            anonymous.postJson("/inspect/" + inbox, "{\"i\":" + i + "}");
        }
        JsonNode kept = http.get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
        assertThat(kept).hasSize(50);
        assertThat(kept.get(0).get("number").asInt()).as("62 received, the newest first").isEqualTo(62);
        assertThat(kept.get(49).get("number").asInt()).as("the oldest twelve dropped").isEqualTo(13);
        assertThat(kept.get(49).get("body").asText()).isEqualTo("{\"i\":10}");
        assertThat(http.delete("/api/v1/inspector/" + inbox).status()).isEqualTo(204);
        assertThat(anonymous.postJson("/inspect/" + inbox, "{}").status()).isEqualTo(404);
    }

    @Test
    void atMostTwentyInboxesAreOpenAndADeletedOneFreesItsPlace() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Response r = http.postJson("/api/v1/inspector", "{\"label\":\"n" + i + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            ids.add(r.json().get("id").asText());
        }
        Http.Response refused = http.postJson("/api/v1/inspector", "{\"label\":\"one too many\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).contains("at most 20 inboxes can be open; delete one first");
        assertThat(http.get("/api/v1/inspector").json().get("data")).hasSize(20);

        assertThat(http.delete("/api/v1/inspector/" + ids.get(3)).status()).isEqualTo(204);
        assertThat(http.postJson("/api/v1/inspector", "{\"label\":\"in its place\"}").status()).isEqualTo(201);
        assertThat(http.postJson("/api/v1/inspector", "").status()).isEqualTo(409);
    }

    @Test
    void anInboxAndWhatItReceivedOutliveARestart() {
        String inbox = http.postJson("/api/v1/inspector", "{\"label\":\"kept\"}").json().get("id").asText();
        assertThat(new Http(host.baseUrl()).postJson("/inspect/" + inbox + "?x=1", "{\"before\":1}").status())
                .isEqualTo(200);
        host.close();
        host = newHost();
        http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);

        assertThat(new Http(host.baseUrl()).postJson("/inspect/" + inbox, "{\"after\":2}").status()).isEqualTo(200);
        JsonNode data = http.get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("number").asInt()).isEqualTo(2);
        assertThat(data.get(1).get("body").asText()).isEqualTo("{\"before\":1}");
        assertThat(data.get(1).get("query").asText()).isEqualTo("x=1");
        assertThat(data.get(1).get("headers").get("content-type").get(0).asText()).startsWith("application/json");
        assertThat(http.get("/api/v1/inspector").json().get("data").get(0).get("received").asInt()).isEqualTo(2);
    }

    private JsonNode awaitRequests(String inbox, String webhookId) {
        return Await.value("the inbox received a request", () -> http.get("/api/v1/inspector/" + inbox
                + "/requests?webhook_id=" + webhookId).json().get("data"), data -> data.size() > 0);
    }
}
