package io.plugboard.host.apps;

import static io.plugboard.host.apps.TestApplications.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two applications, acme (A) and globex (B), each with a webhook on {@code ping} and one delivered event: a
 * token scoped to A sees none of B's webhooks, deliveries or replays on any per-application route (404), is
 * refused every host-wide route (403), and its events reach only A's endpoint; a read token only reads.
 */
class TestAppIsolation {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Every per-application route that takes an id: method, path after {@code /api/v1/apps/{app}}, body. */
    private static final List<List<String>> ROUTES_WITH_IDS = List.of(
            List.of("GET", "/webhooks/{wh}", ""),
            List.of("PATCH", "/webhooks/{wh}", "{\"name\":\"taken over\"}"),
            List.of("DELETE", "/webhooks/{wh}", ""),
            List.of("POST", "/webhooks/{wh}/test", "{}"),
            List.of("POST", "/webhooks/{wh}/rotate-secret", "{}"),
            List.of("GET", "/webhooks/{wh}/deliveries", ""),
            List.of("GET", "/webhooks/{wh}/stats", ""),
            List.of("POST", "/webhooks/{wh}/recover", "{\"since\":\"2020-01-01T00:00:00Z\"}"),
            List.of("GET", "/deliveries/{dlv}", ""),
            List.of("POST", "/deliveries/{dlv}/redeliver", ""),
            List.of("GET", "/deliveries/replay/{rpl}", ""));

    /** The per-application routes without an id: under B's path they are B's, so not found for A's token. */
    private static final List<List<String>> ROUTES_WITHOUT_IDS = List.of(
            List.of("GET", "", ""),
            List.of("GET", "/webhooks", ""),
            List.of("POST", "/webhooks", "{\"name\":\"W\",\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"ping\"]}"),
            List.of("GET", "/deliveries", ""),
            List.of("POST", "/deliveries/replay", "{\"status\":\"any\"}"),
            List.of("POST", "/events", "{\"type\":\"ping\",\"data\":{\"n\":9}}"),
            List.of("POST", "/events/batch", "{\"events\":[{\"type\":\"ping\",\"data\":{\"n\":9}}]}"));

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.startedBy(TestHost::start);

    private final Receiver forA = new Receiver();
    private final Receiver forB = new Receiver();
    private String webhookA;
    private String webhookB;
    private String deliveryA;
    private String deliveryB;
    private String replayB;

    @BeforeEach
    void twoApplicationsWithADeliveryEach() throws Exception {
        for (String uid : List.of("acme", "globex")) {
            Http.Response r = host.http().postJson("/api/v1/apps", "{\"uid\":\"" + uid + "\",\"name\":\"" + uid + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        webhookA = webhook("acme", forA);
        webhookB = webhook("globex", forB);
        assertThat(host.http().postJson("/api/v1/apps/acme/events", "{\"type\":\"ping\",\"data\":{\"n\":1}}").status())
                .isEqualTo(202);
        assertThat(host.http().postJson("/api/v1/apps/globex/events", "{\"type\":\"ping\",\"data\":{\"n\":2}}").status())
                .isEqualTo(202);
        forA.awaitCount(1, WAIT);
        forB.awaitCount(1, WAIT);
        deliveryA = onlyDelivery("acme", webhookA);
        deliveryB = onlyDelivery("globex", webhookB);
        Http.Response replay = host.http().postJson("/api/v1/apps/globex/deliveries/replay",
                "{\"status\":\"any\",\"response_status\":\"418\"}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        replayB = replay.json().get("id").asText();
    }

    @AfterEach
    void closeReceivers() {
        forA.close();
        forB.close();
    }

    @Test
    void anApplicationsTokenFindsNothingOfAnotherApplication() {
        String token = token("write", "acme");
        SoftAssertions soft = new SoftAssertions();
        for (List<String> route : ROUTES_WITH_IDS) {
            String rest = route.get(1).replace("{wh}", webhookB).replace("{dlv}", deliveryB).replace("{rpl}", replayB);
            // B's ids through A's own path, and through B's path, which A's token is confined away from.
            for (String app : List.of("acme", "globex")) {
                Http.Response r = call(token, route.get(0), "/api/v1/apps/" + app + rest, route.get(2));
                soft.assertThat(r.status()).as(route + " in " + app + ": " + r.body()).isEqualTo(404);
            }
        }
        String globexId = host.http().get("/api/v1/apps/globex").json().get("id").asText();
        for (List<String> route : ROUTES_WITHOUT_IDS) {
            for (String app : List.of("globex", globexId)) {
                Http.Response r = call(token, route.get(0), "/api/v1/apps/" + app + route.get(1), route.get(2));
                soft.assertThat(r.status()).as(route + " in " + app + ": " + r.body()).isEqualTo(404);
                soft.assertThat(r.body()).as("says nothing of B").contains("no application has the id or uid");
            }
        }
        soft.assertAll();

        // B is untouched: its webhook, its one delivery, its receiver's one request.
        assertThat(host.http().get("/api/v1/apps/globex/webhooks/" + webhookB).json().get("name").asText()).isEqualTo("W");
        assertThat(host.http().get("/api/v1/apps/globex/deliveries").json().get("total").asInt()).isEqualTo(1);
        assertThat(forB.all()).hasSize(1);
    }

    @Test
    void anApplicationsTokenWorksInItsApplicationOnly() throws Exception {
        String token = token("write", "acme");
        String acmeId = host.http().get("/api/v1/apps/acme").json().get("id").asText();
        for (String app : List.of("acme", acmeId)) {
            JsonNode list = call(token, "GET", "/api/v1/apps/" + app + "/webhooks", "").json();
            assertThat(list.get("total").asInt()).as(list.toString()).isEqualTo(1);
            assertThat(list.get("data").get(0).get("id").asText()).isEqualTo(webhookA);
        }
        JsonNode deliveries = call(token, "GET", "/api/v1/apps/acme/deliveries", "").json();
        assertThat(deliveries.get("data")).extracting(d -> d.get("webhook_id").asText()).containsOnly(webhookA);
        assertThat(call(token, "GET", "/api/v1/apps/acme/deliveries/" + deliveryA, "").status()).isEqualTo(200);
        assertThat(call(token, "GET", "/api/v1/apps/acme", "").status()).isEqualTo(200);
        assertThat(call(token, "GET", "/api/v1/event-types", "").status()).as("the catalog may be read").isEqualTo(200);

        // A replay of everything in A picks only A's deliveries; B's webhook is refused as unknown.
        JsonNode dryRun = call(token, "POST", "/api/v1/apps/acme/deliveries/replay", "{\"status\":\"any\",\"dry_run\":true}")
                .json();
        assertThat(dryRun.get("count").asInt()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.get("sample").get(0).get("webhook_id").asText()).isEqualTo(webhookA);
        assertError(call(token, "POST", "/api/v1/apps/acme/deliveries/replay", "{\"webhooks\":[\"" + webhookB + "\"]}"),
                400, "no webhook has the id '" + webhookB + "'");

        // An event emitted with A's token reaches A's endpoint, and no delivery of it is B's.
        Http.Response emitted = call(token, "POST", "/api/v1/apps/acme/events", "{\"type\":\"ping\",\"data\":{\"n\":3}}");
        assertThat(emitted.status()).as(emitted.body()).isEqualTo(202);
        String event = emitted.json().get("id").asText();
        assertThat(forA.awaitCount(2, WAIT).get(1).bodyText()).contains("\"n\":3");
        assertThat(host.http().get("/api/v1/apps/acme/deliveries").json().get("data"))
                .filteredOn(d -> d.get("event_id").asText().equals(event)).hasSize(1);
        assertThat(host.http().get("/api/v1/apps/globex/deliveries").json().get("data"))
                .noneMatch(d -> d.get("event_id").asText().equals(event));
        Http.Response redelivered = call(token, "POST", "/api/v1/apps/acme/deliveries/" + deliveryA + "/redeliver", "");
        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
        forA.awaitCount(3, WAIT);
        assertThat(forB.all()).as("B's endpoint got only B's event").hasSize(1);
    }

    @Test
    void anApplicationsTokenIsRefusedHostWideRoutesAndTheApplicationItself() {
        String token = token("write", "acme");
        SoftAssertions soft = new SoftAssertions();
        for (List<String> route : List.of(
                List.of("GET", "/api/v1/webhooks"),
                List.of("GET", "/api/v1/webhooks/" + webhookA),
                List.of("GET", "/api/v1/deliveries/" + deliveryA),
                List.of("POST", "/api/v1/events"),
                List.of("GET", "/api/v1/apps"),
                List.of("POST", "/api/v1/apps"),
                List.of("GET", "/api/v1/plugins"),
                List.of("GET", "/api/v1/tokens"),
                List.of("POST", "/api/v1/tokens"),
                List.of("GET", "/api/v1/instances"),
                List.of("GET", "/metrics"))) {
            Http.Response r = call(token, route.get(0), route.get(1), route.get(0).equals("POST") ? "{}" : "");
            soft.assertThat(r.status()).as(route + ": " + r.body()).isEqualTo(403);
            soft.assertThat(r.body()).as(route.toString()).contains("scoped to application").contains("/api/v1/apps/");
        }
        soft.assertAll();
        assertError(call(token, "PATCH", "/api/v1/apps/acme", "{\"name\":\"Renamed\"}"), 403, "not change or delete");
        assertError(call(token, "DELETE", "/api/v1/apps/acme?confirm=acme", ""), 403, "not change or delete");
        assertThat(host.http().get("/api/v1/apps/acme").json().get("name").asText()).isEqualTo("acme");
    }

    @Test
    void aReadTokenOfAnApplicationOnlyReads() {
        String token = token("read", "acme");
        assertThat(call(token, "GET", "/api/v1/apps/acme/webhooks/" + webhookA, "").status()).isEqualTo(200);
        Http.Response create = call(token, "POST", "/api/v1/apps/acme/webhooks",
                "{\"name\":\"W\",\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"ping\"]}");
        assertError(create, 403, "needs the 'write' scope");
        assertThat(create.json().get("details").get("missing_scope").asText()).isEqualTo("write");
        assertError(call(token, "POST", "/api/v1/apps/acme/events", "{\"type\":\"ping\",\"data\":{}}"), 403, "'write'");
        assertError(call(token, "DELETE", "/api/v1/apps/acme/webhooks/" + webhookA, ""), 403, "'write'");
        assertError(call(token, "GET", "/api/v1/apps/globex/webhooks/" + webhookB, ""), 404, "no application");
        assertThat(host.http().get("/api/v1/apps/acme/webhooks").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void tokensNameTheirApplicationAndWriteNeedsOne() {
        Http.Response created = host.http().postJson("/api/v1/tokens", "{\"name\":\"acme's CI\",\"app\":\"acme\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String acmeId = host.http().get("/api/v1/apps/acme").json().get("id").asText();
        assertThat(created.json().get("token").get("scope").asText()).as("write by default").isEqualTo("write");
        assertThat(created.json().get("token").get("app").asText()).isEqualTo(acmeId);
        JsonNode listed = host.http().get("/api/v1/tokens").json().get("data");
        assertThat(listed).filteredOn(t -> t.get("name").asText().equals("acme's CI"))
                .extracting(t -> t.get("app").asText()).containsExactly(acmeId);
        assertThat(listed).filteredOn(t -> t.get("name").asText().equals("tests"))
                .allMatch(t -> t.get("app").isNull(), "a host-wide token has no app");
        assertThat(host.http().get("/admin/tokens").body()).contains("(application " + acmeId + ")");

        assertError(host.http().postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"write\"}"), 400,
                "scope 'write' is for a token scoped to one application");
        assertError(host.http().postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"admin\",\"app\":\"acme\"}"), 400,
                "write or read");
        assertError(host.http().postJson("/api/v1/tokens", "{\"name\":\"x\",\"app\":\"nope\"}"), 400,
                "no application has the id or uid 'nope'");
        assertThat(host.http().get("/api/v1/tokens").json().get("total").asInt()).as("nothing stored").isEqualTo(2);
    }

    private String token(String scope, String app) {
        Http.Response r = host.http().postJson("/api/v1/tokens", Http.json(Map.of("name", app + " " + scope,
                "scope", scope, "app", app)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("value").asText();
    }

    private Http.Response call(String token, String method, String path, String body) {
        Map<String, String> headers = body.isEmpty() ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        return Http.exchange(host.host().baseUrl(), method, path, headers, body.isEmpty() ? null : body);
    }

    private String webhook(String app, Receiver receiver) {
        Http.Response r = host.http().postJson("/api/v1/apps/" + app + "/webhooks", "{\"name\":\"W\",\"url\":\""
                + receiver.url("/hook") + "\",\"events\":[\"ping\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** @return the id of the webhook's one delivery, once its attempt is recorded */
    private String onlyDelivery(String app, String webhook) {
        JsonNode list = Await.value("the delivery of " + webhook + " succeeded", WAIT,
                () -> host.http().get("/api/v1/apps/" + app + "/webhooks/" + webhook + "/deliveries?status=succeeded").json(),
                l -> l.get("data").size() == 1);
        return list.get("data").get(0).get("id").asText();
    }
}
