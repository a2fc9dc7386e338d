package io.plugboard.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.InvalidEventException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values Java can read but the host cannot keep: times in the year ±999,999,999 and numbers beyond a
 * double. Each is a 400 naming the field, never a 500 or a silently changed value.
 */
class TestOutOfRangeInput {

    static TestHost host;
    static Http http;
    static String webhook;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        http = host.http();
        webhook = host.createWebhook("Far", "https://example.com/far", "ping").get("id").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aRecoveryFromATimeBeyondTheYear9999Is400() {
        for (String since : List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
            Http.Response r = http.postJson("/api/v1/webhooks/" + webhook + "/recover", Http.json(Map.of("since", since)));
            assertThat(r.status()).as(since + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().get("details").get("since").asText())
                    .isEqualTo("since is out of range: give a time between the years 0000 and 9999");
        }
        assertThat(http.postJson("/api/v1/webhooks/" + webhook + "/recover", "{\"since\":\"2026-11-20T00:00:00+01:00\"}")
                .status()).isEqualTo(202);
    }

    @Test
    void theAdminRecoverFormRefusesSuchATimeToo() {
        for (String since : List.of("+999999999-01-01T00:00", "-999999999-01-01T00:00")) {
            Http.Response r = http.postForm("/admin/webhooks/" + webhook + "/recover", List.of(Map.entry("since", since)));
            assertThat(r.status()).as(since).isEqualTo(400);
            assertThat(r.body()).contains("out of range");
        }
        assertThat(http.postForm("/admin/webhooks/" + webhook + "/recover",
                List.of(Map.entry("since", "2026-11-20T08:00"))).status()).isEqualTo(302);
    }

    @Test
    void aNumberThatDoesNotFitADoubleIs400NamingItsPath() {
        Http.Response r = http.postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":1e999999999}}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("data.n: number out of range");

        Http.Response nested = http.postJson("/api/v1/events",
                "{\"type\":\"ping\",\"data\":{\"a\":{\"b\":[0,-1e400]},\"c\":" + "9".repeat(400) + ",\"ok\":1e300}}");
        assertThat(nested.status()).as(nested.body()).isEqualTo(400);
        JsonNode problems = nested.json().get("details");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).asText()).isEqualTo("data.a.b[1]: number out of range");
        assertThat(problems.get(1).asText()).isEqualTo("data.c: number out of range");

        Http.Response test = http.postJson("/api/v1/webhooks/" + webhook + "/test",
                "{\"event\":\"ping\",\"payload\":{\"n\":1e999}}");
        assertThat(test.status()).as(test.body()).isEqualTo(400);

        assertThatThrownBy(() -> host.host().events().emit("ping", Map.of("n", Double.POSITIVE_INFINITY)))
                .isInstanceOf(InvalidEventException.class).hasMessage("data.n: number out of range");
        assertThat(http.get("/api/v1/webhooks/" + webhook + "/deliveries").json().get("total").asInt())
                .as("nothing stored").isZero();
    }
}
