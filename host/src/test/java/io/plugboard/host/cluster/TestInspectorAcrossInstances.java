package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The request inspector with two host instances on one database: once on one SQLite file (both
 * hosts in this JVM on one data folder), once on PostgreSQL (skipped, loudly, without a server). What
 * one instance captures the other shows; a webhook made on one delivers, from the other, into an inbox
 * the first created, in-process; the caps hold whichever instance receives. The outbound guard is left
 * at its default, so a loopback URL can only be reached in-process.
 */
class TestInspectorAcrossInstances {

    private static final UnaryOperator<PlugboardBuilder> DEFAULT_GUARD = b -> b.allowPrivateTargets(false);

    @Test
    void onOneSqliteFile() throws Exception {
        Path shared = TestHost.tempDir("data");
        try (TestHost a = TestHost.start(TestHost.tempDir("plugins"), shared, b -> DEFAULT_GUARD.apply(b).instanceId("node-a"));
             TestHost b = TestHost.start(TestHost.tempDir("plugins"), shared, c -> DEFAULT_GUARD.apply(c).instanceId("node-b"))) {
            inboxesAreSharedAndCapped(a, b);
        }
    }

    @Test
    void onOnePostgresDatabase() throws Exception {
        String db = TestDatabases.freshSchema();
        try (TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST, DEFAULT_GUARD);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST, DEFAULT_GUARD)) {
            inboxesAreSharedAndCapped(a, b);
        }
    }

    private static void inboxesAreSharedAndCapped(TestHost a, TestHost b) throws Exception {
        JsonNode created = a.http().postJson("/api/v1/inspector", "{\"label\":\"made on A\"}").json();
        String inbox = created.get("id").asText();
        String loopback = created.get("loopback_url").asText();
        assertThat(loopback).contains(":" + a.host().port() + "/inspect/" + inbox);

        assertThat(new Http(a.host().baseUrl()).postJson("/inspect/" + inbox, "{\"via\":\"A\"}").status()).isEqualTo(200);
        JsonNode onB = b.http().get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
        assertThat(onB).hasSize(1);
        assertThat(onB.get(0).get("body").asText()).as("captured on A, read on B").isEqualTo("{\"via\":\"A\"}");
        JsonNode listedOnB = b.http().get("/api/v1/inspector").json().get("data").get(0);
        assertThat(listedOnB.get("label").asText()).isEqualTo("made on A");
        assertThat(listedOnB.get("loopback_url").asText()).as("the same URL on every instance").isEqualTo(loopback);

        // A webhook made on A, aimed at A's loopback URL; B sends to it (A's port is not B's).
        Http.Response w = a.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "To inbox", "url", loopback,
                "events", List.of("ping"))));
        assertThat(w.status()).as(w.body()).isEqualTo(201);
        String webhook = w.json().get("id").asText();
        JsonNode test = b.http().postJson("/api/v1/webhooks/" + webhook + "/test", "{\"event\":\"ping\"}").json();
        assertThat(test.get("success").asBoolean()).as(test.toString()).isTrue();
        JsonNode checked = a.http().get("/api/v1/inspector/" + inbox + "/requests?webhook_id=" + webhook).json().get("data");
        assertThat(checked).hasSize(2);
        assertThat(checked.get(0).get("signature").get("valid").asBoolean()).as(checked.get(0).toString()).isTrue();

        // With A gone (nothing listens on its port any more), B delivers an event into A's inbox.
        a.close();
        assertThat(b.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":42}}").status()).isEqualTo(202);
        JsonNode delivered = await(b, inbox, 3);
        assertThat(delivered.get(0).get("body").asText()).contains("\"n\":42");
        assertThat(delivered.get(0).get("method").asText()).isEqualTo("POST");

        // Caps, whichever instance receives: a 65 KB body is cut, and the 51st request drops the 1st.
        Http anonymous = new Http(b.host().baseUrl());
        assertThat(anonymous.postJson("/inspect/" + inbox, "x".repeat(65 * 1024)).status()).isEqualTo(200);
        JsonNode cut = b.http().get("/api/v1/inspector/" + inbox + "/requests").json().get("data").get(0);
        assertThat(cut.get("truncated").asBoolean()).isTrue();
        assertThat(cut.get("body_bytes").asLong()).isEqualTo(65 * 1024);
        assertThat(cut.get("body").asText()).hasSize(64 * 1024);
        for (int n = 5; n <= 51; n++) {
            assertThat(anonymous.postJson("/inspect/" + inbox, "{\"n\":" + n + "}").status()).isEqualTo(200);
        }
        JsonNode kept = b.http().get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
        assertThat(kept).hasSize(50);
        assertThat(kept.get(0).get("number").asInt()).isEqualTo(51);
        assertThat(kept.get(49).get("number").asInt()).as("the 1st, captured on A, is gone").isEqualTo(2);
        assertThat(b.http().get("/api/v1/inspector").json().get("data").get(0).get("received").asInt()).isEqualTo(51);
    }

    private static JsonNode await(TestHost host, String inbox, int count) {
        return Await.value("the inbox received request " + count,
                () -> host.http().get("/api/v1/inspector/" + inbox + "/requests").json().get("data"), d -> d.size() >= count);
    }
}
