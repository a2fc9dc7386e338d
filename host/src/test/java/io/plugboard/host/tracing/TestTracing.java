package io.plugboard.host.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.inbound.Inbound;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tracing end to end: a host exporting with the OpenTelemetry SDK's autoconfiguration (the endpoint in
 * {@code otel.exporter.otlp.endpoint}, as {@code OTEL_EXPORTER_OTLP_ENDPOINT} would give it) to a real
 * OTLP/HTTP receiver that decodes the protobuf; a real webhook endpoint records the {@code traceparent}
 * it is sent. The caller's trace runs through the emit span to the attempt span and the endpoint.
 */
class TestTracing {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final List<String> PROPERTIES = List.of("otel.exporter.otlp.endpoint", "otel.exporter.otlp.protocol",
            "otel.bsp.schedule.delay");

    private OtlpReceiver otlp;
    private Receiver endpoint;
    private TestHost host;

    @BeforeEach
    void exportTo() {
        otlp = new OtlpReceiver();
        endpoint = new Receiver();
        System.setProperty("otel.exporter.otlp.endpoint", otlp.endpoint());
        System.setProperty("otel.exporter.otlp.protocol", "http/protobuf");
        System.setProperty("otel.bsp.schedule.delay", "100");
    }

    @AfterEach
    void stop() {
        PROPERTIES.forEach(System::clearProperty);
        if (host != null) {
            host.close();
        }
        endpoint.close();
        otlp.close();
    }

    @Test
    void anEventsTraceRunsFromTheCallerThroughEmitAndAttemptToTheEndpoint() throws Exception {
        host = TestHost.start();
        host.createWebhook("Traced", endpoint.url("/traced"), "ping");
        Http.Response emitted = host.http().postJson("/api/v1/events", Http.json(Map.of("type", "ping", "data", Map.of("n", 1))),
                Map.of("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01"));
        assertThat(emitted.status()).isEqualTo(202);
        String eventId = emitted.json().get("id").asText();

        String sent = endpoint.next(WAIT).header("traceparent");
        assertThat(sent).as("the delivery request's traceparent").matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        OtlpReceiver.Received emit = awaitSpan(s -> s.name().equals("plugboard.emit"));
        OtlpReceiver.Received attempt = awaitSpan(s -> s.name().equals("plugboard.attempt"));
        assertThat(emit.traceId()).isEqualTo(TRACE_ID);
        assertThat(emit.parentSpanId()).as("the emit span's parent: the caller's span").isEqualTo(CALLER_SPAN);
        assertThat(attribute(emit, "plugboard.event.id")).contains(eventId);
        assertThat(attempt.traceId()).isEqualTo(TRACE_ID);
        assertThat(attempt.parentSpanId()).as("the attempt's parent: the emit span").isEqualTo(emit.spanId());
        assertThat(sent).as("the endpoint got the attempt span's context").isEqualTo("00-" + TRACE_ID + "-" + attempt.spanId() + "-01");
        assertThat(attempt.span().getAttributesList()).anySatisfy(a -> {
            assertThat(a.getKey()).isEqualTo("http.response.status_code");
            assertThat(a.getValue().getIntValue()).isEqualTo(200);
        });
        assertThat(otlp.problems()).isEmpty();
    }

    @Test
    void aBatchAndAnInboundRequestContinueTheirSendersTraces() throws Exception {
        host = TestHost.start(Inbound.pluginsWith("generic-json-receiver"));
        host.createWebhook("Traced", endpoint.url("/traced"), "json_received", "ping");
        String batchTrace = "0af7651916cd43dd8448eb211c80319c";
        Http.Response batch = host.http().postJson("/api/v1/events/batch", Http.json(Map.of("events",
                List.of(Map.of("type", "ping", "data", Map.of("n", 1)), Map.of("type", "ping", "data", Map.of("n", 2))))),
                Map.of("traceparent", "00-" + batchTrace + "-b7ad6b7169203331-01"));
        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        Await.until("two emit spans of the batch's trace", WAIT, () -> otlp.spans().stream()
                .filter(s -> s.name().equals("plugboard.emit") && s.traceId().equals(batchTrace)
                        && s.parentSpanId().equals("b7ad6b7169203331")).count() == 2);

        JsonNode inbound = Inbound.create(host, "Anything", "generic-json", Map.of());
        String inboundTrace = "5b8aa5a2d2c872e8321cf37308d69df2";
        Http.Response received = Inbound.post(inbound.get("url").asText(), "{\"a\": 1}",
                Map.of("traceparent", "00-" + inboundTrace + "-051581bf3cb55c13-01"));
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        OtlpReceiver.Received receive = awaitSpan(s -> s.name().equals("plugboard.inbound.receive"));
        assertThat(receive.traceId()).isEqualTo(inboundTrace);
        assertThat(receive.parentSpanId()).isEqualTo("051581bf3cb55c13");
        OtlpReceiver.Received emit = awaitSpan(s -> s.name().equals("plugboard.emit") && s.traceId().equals(inboundTrace));
        assertThat(emit.parentSpanId()).as("the event's emit span: a child of the receive span").isEqualTo(receive.spanId());
        OtlpReceiver.Received attempt = awaitSpan(s -> s.name().equals("plugboard.attempt") && s.traceId().equals(inboundTrace));
        assertThat(attempt.parentSpanId()).isEqualTo(emit.spanId());
    }

    private OtlpReceiver.Received awaitSpan(Predicate<OtlpReceiver.Received> which) {
        return Await.value("an exported span as expected", WAIT,
                () -> otlp.spans().stream().filter(which).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static Optional<String> attribute(OtlpReceiver.Received s, String key) {
        return s.span().getAttributesList().stream().filter(a -> a.getKey().equals(key))
                .map(a -> a.getValue().getStringValue()).findFirst();
    }
}
