package io.plugboard.host.internal.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-webhook event filter: what parses, how it evaluates, and that a filtered-out event gets no delivery. */
class TestEventFilters {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode event(String data) throws Exception {
        return MAPPER.readTree("{\"id\":\"evt_1\",\"type\":\"order_placed\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":"
                + data + "}");
    }

    private static boolean matches(String filter, String data) throws Exception {
        return EventFilter.parse(filter).matches(event(data));
    }

    private static final String DATA = "{\"payment_total\":120.5,\"amount\":\"99.90\",\"customer\":{\"country\":\"DE\","
            + "\"vip\":true},\"plan\":\"pro\",\"items\":[{\"sku\":\"A\"}],\"note\":null,\"zero\":0}";

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', textBlock = """
            data.payment_total >= 100                             -> true
            data.payment_total < 100                              -> false
            data.amount > 99.8                                    -> true
            data.customer.country == "DE"                         -> true
            data.customer.country != 'DE'                         -> false
            /data/plan == "pro"                                   -> true
            /data/items/0/sku == "A"                              -> true
            data.items[0].sku == "A"                              -> true
            data.customer.vip == true                             -> true
            data.note == null and data.missing == null            -> true
            data.plan != null                                     -> true
            type == "order_placed"                                -> true
            data.customer.vip && !data.zero                       -> true
            data.missing                                          -> false
            data.missing > 1 or data.missing <= 1                 -> false
            not (data.plan == "free" || data.payment_total < 10)  -> true
            data.plan >= "pre"                                    -> true
            data.plan == 1                                        -> false
            """)
    void comparesNumbersTextBooleansAndNull(String filter, boolean expected) throws Exception {
        // Numeric text ("99.90") compares as a number, other text as text; missing fields never order.
        assertThat(matches(filter, DATA)).isEqualTo(expected);
    }

    @Test
    void aQuoteInsideTextIsEscapedWithABackslash() throws Exception {
        assertThat(matches("data.customer.country == \"D\\\"E\"", "{\"customer\":{\"country\":\"D\\\"E\"}}")).isTrue();
    }

    @Test
    void refusesWhatDoesNotParseWithWhere() {
        assertThatThrownBy(() -> EventFilter.parse("data.total >")).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("expected a value").hasMessageContaining("column 13");
        assertThatThrownBy(() -> EventFilter.parse("data.total = 1")).hasMessageContaining("unknown operator '='");
        assertThatThrownBy(() -> EventFilter.parse("(data.a == 1")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> EventFilter.parse("data.a == \"x")).hasMessageContaining("is not closed");
        assertThatThrownBy(() -> EventFilter.parse("data.a == 1 data.b")).hasMessageContaining("expected the end");
        assertThatThrownBy(() -> EventFilter.parse("data.a == 1e")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> EventFilter.parse("data.a # 1")).hasMessageContaining("unexpected character '#'");
        assertThatThrownBy(() -> EventFilter.parse("(".repeat(30) + "data.a" + ")".repeat(30)))
                .hasMessageContaining("nests deeper than 20");
        assertThatThrownBy(() -> EventFilter.parse("data.a == 1 and ".repeat(40) + "data.b")).hasMessageContaining("longer than 500");
        assertThatThrownBy(() -> EventFilter.parse(" ")).hasMessageContaining("empty");
    }

    @Test
    void aFilteredOutEventCreatesNoDeliveryForThatWebhook() throws Exception {
        try (TestHost host = TestHost.start(); Receiver receiver = new Receiver()) {
            Http http = host.http();
            String filtered = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Big pings", "url",
                    receiver.url("/big"), "events", List.of("ping"), "filter", "data.n >= 5"))).json().get("id").asText();
            String all = host.createWebhook("All pings", receiver.url("/all"), "ping").get("id").asText();
            for (int n : new int[] {1, 10, 3}) {
                assertThat(http.postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":" + n + "}}").status())
                        .isEqualTo(202);
            }
            List<Receiver.Request> got = receiver.awaitCount(4, Duration.ofSeconds(10));
            // Deliveries are written with their event (the outbox), so these counts are all that will be sent.
            assertThat(http.get("/api/v1/webhooks/" + filtered + "/deliveries").json().get("data")).hasSize(1);
            assertThat(http.get("/api/v1/webhooks/" + all + "/deliveries").json().get("data")).hasSize(3);
            assertThat(receiver.all()).hasSize(4);
            List<String> big = got.stream().filter(r -> r.path().equals("/big")).map(Receiver.Request::bodyText).toList();
            assertThat(big).hasSize(1);
            assertThat(MAPPER.readTree(big.get(0)).get("data").get("n").asInt()).isEqualTo(10);
            JsonNode listed = http.get("/api/v1/webhooks?q=Big").json().get("data").get(0);
            assertThat(listed.get("filter").asText()).isEqualTo("data.n >= 5");
        }
    }
}
