package io.plugboard.host.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Applications on two instances sharing one PostgreSQL schema: an event emitted for A on one instance is
 * delivered only to A's endpoint, and the other instance keeps each application's webhooks apart, for an
 * admin and for a token scoped to A (skipped, loudly, without a PostgreSQL server).
 */
class TestApplicationsOnPostgres {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEventForOneApplicationReachesOnlyItsEndpointAndTheOtherInstanceKeepsThemApart() throws Exception {
        String db = TestDatabases.freshSchema();
        try (Receiver forA = new Receiver();
             Receiver forB = new Receiver();
             TestHost one = TestHost.onPostgres(db, "node-1", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost two = TestHost.onPostgres(db, "node-2", TestHost.tempDir("plugins"), TestHost.FAST)) {
            for (String uid : List.of("acme", "globex")) {
                Http.Response r = one.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
            String webhookA = webhook(one, "acme", forA);
            String webhookB = webhook(one, "globex", forB);

            String event = one.host().emitFor("acme", "ping", Map.of("n", 1));
            assertThat(forA.awaitCount(1, WAIT).get(0).bodyText()).contains("\"n\":1");
            JsonNode delivered = Await.value("A's delivery is recorded as succeeded", WAIT,
                    () -> two.http().get("/api/v1/apps/acme/deliveries?status=succeeded").json(),
                    l -> l.get("data").size() == 1);
            assertThat(delivered.get("data").get(0).get("event_id").asText()).isEqualTo(event);
            assertThat(two.http().get("/api/v1/apps/globex/deliveries").json().get("total").asInt())
                    .as("no delivery of A's event is B's").isZero();

            // An event for B emitted on the other instance reaches B, and only B.
            assertThat(two.http().postJson("/api/v1/apps/globex/events", "{\"type\":\"ping\",\"data\":{\"n\":2}}")
                    .status()).isEqualTo(202);
            assertThat(forB.awaitCount(1, WAIT).get(0).bodyText()).contains("\"n\":2");
            Await.until("B's delivery is recorded", WAIT,
                    () -> one.http().get("/api/v1/apps/globex/deliveries?status=succeeded").json().get("total").asInt() == 1);
            assertThat(forA.all()).hasSize(1);
            assertThat(forB.all()).hasSize(1);

            // Instance two: A's webhook under A's path, not under B's; the same for a token made on one, scoped to A.
            assertThat(two.http().get("/api/v1/apps/acme/webhooks/" + webhookA).status()).isEqualTo(200);
            assertThat(two.http().get("/api/v1/apps/globex/webhooks/" + webhookA).status()).isEqualTo(404);
            Http.Response token = one.http().postJson("/api/v1/tokens", "{\"name\":\"acme\",\"app\":\"acme\"}");
            assertThat(token.status()).as(token.body()).isEqualTo(201);
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + token.json().get("value").asText());
            String base = two.host().baseUrl();
            assertThat(Http.exchange(base, "GET", "/api/v1/apps/acme/webhooks/" + webhookA, bearer, null).status())
                    .isEqualTo(200);
            assertThat(Http.exchange(base, "GET", "/api/v1/apps/globex/webhooks/" + webhookB, bearer, null).status())
                    .isEqualTo(404);
            assertThat(Http.exchange(base, "GET", "/api/v1/apps/acme/webhooks/" + webhookB, bearer, null).status())
                    .isEqualTo(404);
            assertThat(Http.exchange(base, "GET", "/api/v1/webhooks", bearer, null).status()).isEqualTo(403);
        }
    }

    private static String webhook(TestHost host, String app, Receiver receiver) {
        Http.Response r = host.http().postJson("/api/v1/apps/" + app + "/webhooks", "{\"name\":\"W\",\"url\":\""
                + receiver.url("/hook") + "\",\"events\":[\"ping\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
