package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHostExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/v1/events/batch} on a real host: events stored in order with their deliveries, one
 * refused event refusing the whole batch (named by position, nothing stored), and the limits.
 */
class TestEventBatch {

    private static final String BATCH = "/api/v1/events/batch";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    @Test
    void storesTheEventsInOrderAndDeliversEachToItsSubscribers() throws Exception {
        host.createWebhook("Orders", host.receiver().url("/orders"), "order_placed");
        String body = "{\"events\":[" + order(1) + ",{\"type\":\"ping\",\"data\":{\"n\":2}}," + order(3) + "]}";

        Http.Response r = host.http().postJson(BATCH, body);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.header("Idempotent-Replayed")).isNull();
        List<String> ids = new ArrayList<>();
        r.json().get("ids").forEach(id -> ids.add(id.asText()));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates().allMatch(id -> id.matches("evt_[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(r.json().get("replayed")).isEmpty();
        assertThat(column("SELECT id || ' ' || type FROM events ORDER BY id"))
                .as("stored under the ids answered, in order")
                .containsExactly(ids.get(0) + " order_placed", ids.get(1) + " ping", ids.get(2) + " order_placed");
        List<Receiver.Request> got = host.receiver().awaitCount(2, Duration.ofSeconds(10));
        assertThat(got.stream().map(q -> q.header("webhook-id")).collect(Collectors.toSet()))
                .as("the two order_placed events, not the ping nobody subscribes to")
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(column("SELECT event_id FROM deliveries")).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
    }

    @Test
    void eachEventOfABatchMeetsEachWebhooksFilterOnItsOwn() throws Exception {
        host.createWebhook("All orders", host.receiver().url("/all"), "order_placed");
        Http.Response big = host.http().postJson("/api/v1/webhooks", "{\"name\":\"Big orders\",\"url\":\""
                + host.receiver().url("/big") + "\",\"events\":[\"order_placed\",\"ping\"],"
                + "\"filter\":\"data.order_id == 'ord_2' || data.n == 3\"}");
        assertThat(big.status()).as(big.body()).isEqualTo(201);
        String body = "{\"events\":[" + order(1) + "," + order(2) + ",{\"type\":\"ping\",\"data\":{\"n\":3}},"
                + "{\"type\":\"ping\",\"data\":{\"n\":4}}," + order(5) + "]}";

        Http.Response r = host.http().postJson(BATCH, body);

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        List<String> ids = new ArrayList<>();
        r.json().get("ids").forEach(id -> ids.add(id.asText()));
        String bigId = big.json().get("id").asText();
        assertThat(column("SELECT event_id FROM deliveries WHERE webhook_id = '" + bigId + "'"))
                .as("the filtered webhook: the matching order and the matching ping only")
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(column("SELECT event_id FROM deliveries WHERE webhook_id <> '" + bigId + "'"))
                .as("the unfiltered webhook: every order, no ping")
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(4));
    }

    @Test
    void oneRefusedEventRefusesTheBatchNamingItAndStoresNothing() throws Exception {
        host.createWebhook("Orders", host.receiver().url("/orders"), "order_placed");
        String schemaBreak = "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"o\",\"total\":\"3\"}}";
        Http.Response r = host.http().postJson(BATCH, "{\"events\":[" + order(1) + "," + order(2) + "," + schemaBreak + "]}");

        assertError(r, 400, "events[2].data");
        assertThat(r.json().get("details").get("events[2].data").asText())
                .contains("does not match the schema of 'order_placed'").contains("$.total");
        Http.Response unknown = host.http().postJson(BATCH, "{\"events\":[" + order(1) + ",{\"type\":\"nope\",\"data\":{}}]}");
        assertError(unknown, 400, "events[1].type");
        assertThat(unknown.json().get("details").get("events[1].type").asText()).contains("unknown event type 'nope'");

        assertThat(count("SELECT COUNT(*) FROM events")).as("no event of a refused batch").isZero();
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isZero();
    }

    @Test
    void namesEveryMalformedEventByPositionAtOnce() throws Exception {
        Http.Response r = host.http().postJson(BATCH, "{\"events\":[" + order(0) + ",{\"data\":{}},{\"type\":\"ping\","
                + "\"data\":[1]},7,{\"type\":\"ping\",\"data\":{},\"extra\":1},{\"type\":\"ping\",\"data\":{},"
                + "\"idempotency_key\":\"cl\u00e9\"},{\"type\":5,\"data\":{}}]}");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode details = r.json().get("details");
        assertThat(details.get("events[1].type").asText()).contains("type is required");
        assertThat(details.get("events[2].data").asText()).contains("must be a JSON object");
        assertThat(details.get("events[3]").asText()).contains("must be an object");
        assertThat(details.get("events[4]").asText()).contains("unknown field extra");
        assertThat(details.get("events[5].idempotency_key").asText()).contains("printable ASCII");
        assertThat(details.get("events[6].type").asText()).contains("must be a string");
        assertThat(details.has("events[0]") || details.has("events[0].type") || details.has("events[0].data")).isFalse();
        assertThat(count("SELECT COUNT(*) FROM events")).isZero();
    }

    @Test
    void refusesAnEmptyMissingOrOverlongListAndABatchHeaderKey() throws Exception {
        assertError(host.http().postJson(BATCH, "{\"events\":[]}"), 400, "events is empty");
        assertError(host.http().postJson(BATCH, "{}"), 400, "events is required");
        assertError(host.http().postJson(BATCH, "{\"events\":{\"type\":\"ping\"}}"), 400, "events must be an array");
        assertError(host.http().postJson(BATCH, "[" + order(1) + "]"), 400, "must be a JSON object");
        assertError(host.http().postJson(BATCH, "{\"events\":[],\"more\":1}"), 400, "unknown field more");
        assertError(host.http().postJson(BATCH, "{\"events\":["), 400, "not valid JSON");
        String tooMany = "{\"events\":[" + String.join(",", java.util.Collections.nCopies(1001, ping())) + "]}";
        Http.Response r = host.http().postJson(BATCH, tooMany);
        assertError(r, 400, "at most 1,000 events; this one has 1001");
        assertThat(r.json().get("details").has("events")).isTrue();
        assertError(host.http().postJson(BATCH, "{\"events\":[" + ping() + "]}", Map.of("Idempotency-Key", "k1")), 400,
                "give each event that needs one its own idempotency_key");
        assertThat(count("SELECT COUNT(*) FROM events")).isZero();
    }

    @Test
    void takesAThousandEventsOfRealisticSizeButNotABodyOverTheBatchLimit() throws Exception {
        host.createWebhook("Orders", host.receiver().url("/orders"), "order_placed");
        // About 3 KB each, 3 MB in all: over the 1 MiB of a single request, within the batch's 8 MiB.
        String filler = "x".repeat(3000);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            events.add("{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_" + i + "\",\"total\":\"1.00\",\"note\":\""
                    + filler + "\"},\"idempotency_key\":\"order-" + i + "\"}");
        }
        String body = "{\"events\":[" + String.join(",", events) + "]}";
        assertThat(body.length()).isGreaterThan(3_000_000);

        Http.Response r = host.http().postJson(BATCH, body);

        assertThat(r.status()).as(r.body().length() > 500 ? r.body().substring(0, 500) : r.body()).isEqualTo(202);
        assertThat(r.json().get("ids")).hasSize(1000);
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1000);
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isEqualTo(1000);

        String huge = "{\"events\":[{\"type\":\"ping\",\"data\":{\"s\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}}]}";
        Http.Response tooLarge = host.http().postJson(BATCH, huge);
        assertError(tooLarge, 413, "the batch is larger than 8 MB");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1000);
    }

    private static String order(int n) {
        return "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_" + n + "\",\"total\":\"" + n + ".00\"}}";
    }

    private static String ping() {
        return "{\"type\":\"ping\",\"data\":{\"n\":1}}";
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(column(sql).get(0));
    }

    private List<String> column(String sql) throws Exception {
        try (Connection c = host.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
