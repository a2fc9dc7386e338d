package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request inspector behind a load balancer: two instances on one PostgreSQL database share the
 * inboxes, so a request captured by one, or a delivery made by the other, shows on both. Skipped,
 * loudly, without a PostgreSQL server.
 */
class TestSharedInspector {

    @Test
    void whatOneInstanceCapturesTheOtherShows() throws Exception {
        String db = TestDatabases.freshSchema();
        try (TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST)) {
            Http.Response created = a.http().postJson("/api/v1/inspector", "{\"label\":\"shared\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String inbox = created.json().get("id").asText();
            assertThat(b.http().get("/api/v1/inspector").json().get("data")).singleElement()
                    .satisfies(i -> assertThat(i.get("label").asText()).isEqualTo("shared"));

            Http anonymous = new Http(b.host().baseUrl());
            assertThat(anonymous.postJson("/inspect/" + inbox, "{\"via\":\"node-b\"}").status()).isEqualTo(200);
            JsonNode onA = a.http().get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
            assertThat(onA).singleElement().satisfies(r -> assertThat(r.get("body").asText()).isEqualTo("{\"via\":\"node-b\"}"));
            assertThat(a.http().get("/admin/inspector/" + inbox).body()).contains("node-b");

            // A webhook made on B, delivering into the inbox, from whichever instance claims the delivery.
            String url = b.http().get("/api/v1/inspector").json().get("data").get(0).get("loopback_url").asText();
            Http.Response w = b.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "To the inbox", "url", url,
                    "events", List.of("ping"))));
            assertThat(w.status()).as(w.body()).isEqualTo(201);
            assertThat(a.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":7}}").status()).isEqualTo(202);
            JsonNode delivered = null;
            for (int i = 0; i < 200 && delivered == null; i++) {
                JsonNode data = a.http().get("/api/v1/inspector/" + inbox + "/requests").json().get("data");
                delivered = data.size() > 1 ? data.get(0) : null;
                Thread.sleep(50);
            }
            assertThat(delivered).as("the delivery reached the shared inbox").isNotNull();
            assertThat(delivered.get("body").asText()).contains("\"n\":7");
            assertThat(delivered.get("number").asInt()).isEqualTo(2);

            assertThat(a.http().delete("/api/v1/inspector/" + inbox).status()).isEqualTo(204);
            assertThat(anonymous.postJson("/inspect/" + inbox, "{}").status()).as("deleted on A, gone on B").isEqualTo(404);
        }
    }
}
