package io.plugboard.sdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.hooks.OutgoingPayload;
import io.plugboard.sdk.web.JsonRequest;
import io.plugboard.sdk.web.JsonResponse;
import org.junit.jupiter.api.Test;

class TestJsonInSdkTypes {

    @Test
    void the_outgoing_payload_reads_text_on_demand_and_takes_objects() {
        OutgoingPayload p = new OutgoingPayload("evt_1", "payment_received", "wh_1", "{\"amount\":12.50}");
        assertThat(p.data().decimal("amount")).hasToString("12.50");
        OutgoingPayload changed = p.withData(p.data().with("tenant", "acme"));
        assertThat(changed.dataJson()).isEqualTo("{\"amount\":12.50,\"tenant\":\"acme\"}");
        assertThat(changed.data().string("tenant")).isEqualTo("acme");
        assertThatThrownBy(() -> p.withData("[1]").data()).isInstanceOf(JsonException.class);
    }

    @Test
    void routes_answer_and_read_json_values() {
        assertThat(JsonResponse.ok(JsonObject.of("n", 1))).isEqualTo(new JsonResponse(200, "{\"n\":1}"));
        assertThat(JsonResponse.of(201, JsonArray.empty()).json()).isEqualTo("[]");
        JsonRequest request = new JsonRequest() {
            public String method() { return "POST"; }
            public String path() { return "/x"; }
            public String pathParam(String name) { return null; }
            public String queryParam(String name) { return null; }
            public String body() { return "{\"refund\":\"3.10\"}"; }
        };
        assertThat(request.json().asObject().string("refund")).isEqualTo("3.10");
    }

    @Test
    void events_read_and_take_objects() {
        assertThat(io.plugboard.sdk.inbound.ReceivedEvent.of("x", JsonObject.of("a", 1)).dataJson()).isEqualTo("{\"a\":1}");
        var emitted = new io.plugboard.sdk.hooks.EmittedEvent("evt_1", "x", "app", "{\"a\":1.10}", java.time.Instant.EPOCH);
        assertThat(emitted.dataObject().decimal("a")).hasToString("1.10");
        var outgoing = new io.plugboard.sdk.outbound.OutgoingEvent("evt_1", "x", java.time.Instant.EPOCH, "app",
                "{\"b\":{\"c\":\"d\"}}", "wh_1", java.util.Map.of());
        assertThat(outgoing.dataObject().string("b.c")).isEqualTo("d");
    }

    @Test
    void a_sample_can_be_an_object() {
        EventType t = EventType.builder("x_happened").name("X").sample(JsonObject.of("amount", 1)).build();
        assertThat(t.sampleJson()).isEqualTo("{\"amount\":1}");
    }
}
