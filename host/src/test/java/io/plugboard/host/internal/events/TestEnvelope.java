package io.plugboard.host.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The standard body, spliced as text around the stored data: valid JSON, quoted where it must be. */
class TestEnvelope {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Envelope envelope = new Envelope(MAPPER);

    @Test
    void wrapsTheStoredDataWithIdTypeAndTimestamp() throws Exception {
        StoredEvent event = new StoredEvent("evt_1", "order_placed", "{\"total\":\"1.00\",\"n\":[1,2]}", "app",
                Instant.parse("2026-03-04T05:06:07.890Z"));

        String body = new String(envelope.body(event), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"id\":\"evt_1\",\"type\":\"order_placed\",\"timestamp\":\"2026-03-04T05:06:07.890Z\","
                + "\"data\":{\"total\":\"1.00\",\"n\":[1,2]}}");
    }

    @Test
    void quotesIdAndTypeSoTheyCannotBreakOutOfTheirStrings() throws Exception {
        StoredEvent event = new StoredEvent("evt_\"x", "a\\b\"c", "{}", "app", Instant.EPOCH);

        JsonNode parsed = MAPPER.readTree(envelope.body(event));

        assertThat(parsed.get("id").asText()).isEqualTo("evt_\"x");
        assertThat(parsed.get("type").asText()).isEqualTo("a\\b\"c");
        assertThat(parsed.get("timestamp").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(parsed.size()).isEqualTo(4);
    }

    @Test
    void sendsTheDataItIsGivenInsteadOfTheStoredData() throws Exception {
        StoredEvent event = new StoredEvent("evt_2", "ping", "{\"n\":1}", "app", Instant.EPOCH);

        JsonNode parsed = MAPPER.readTree(envelope.body(event, "{\"n\":2,\"added\":true}"));

        assertThat(parsed.get("data").toString()).isEqualTo("{\"n\":2,\"added\":true}");
    }

    @Test
    void whatFiltersSeeIsTheBodyAWebhookReceives() throws Exception {
        StoredEvent event = new StoredEvent("evt_3", "order_placed", "{\"total\":\"1.00\",\"n\":[1,2]}", "app",
                Instant.parse("2026-03-04T05:06:07.890Z"));

        assertThat(envelope.tree(event)).isEqualTo(MAPPER.readTree(envelope.body(event)));
        assertThat(envelope.tree(event, MAPPER.readTree("{\"n\":3}")))
                .isEqualTo(MAPPER.readTree(envelope.body(event, "{\"n\":3}")));
    }
}
