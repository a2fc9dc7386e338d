package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.InternalConfigs;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.testing.Receiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook HTTP client against a real local receiver: what reaches it and how each outcome reads. */
class TestHttpSender {

    private static final DeliveryConfig SETTINGS = InternalConfigs.delivery(DeliverySettings.defaults().toBuilder()
            .requestTimeout(Duration.ofSeconds(1)).maxResponseBodyBytes(10).build());

    private static WebhookRequest post(String url) {
        return new WebhookRequest(URI.create(url), Map.of("Content-Type", "application/json", "User-Agent", "Plugboard/t",
                "webhook-id", "evt_1"), "{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheBytesAndHeadersAndCapsTheResponseBody() throws Exception {
        try (Receiver receiver = new Receiver();
             HttpSender sender = new HttpSender(SETTINGS, new TargetGuard(false, List.of("127.0.0.1")))) {
            receiver.respond(201, "0123456789abcdef").respondHeaders(Map.of("X-Seen", "yes"));
            SendResult result = sender.send(post(receiver.url("/in")));
            assertThat(result.success()).as(result.error()).isTrue();
            assertThat(result.responseStatus()).isEqualTo(201);
            assertThat(result.responseBody()).isEqualTo("0123456789");
            assertThat(result.responseHeaders()).containsEntry("x-seen", "yes");
            Receiver.Request got = receiver.next(Duration.ofSeconds(5));
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.bodyText()).isEqualTo("{\"a\":\"é\"}");
            assertThat(got.header("content-type")).isEqualTo("application/json");
            assertThat(got.header("user-agent")).isEqualTo("Plugboard/t");
            assertThat(got.header("webhook-id")).isEqualTo("evt_1");
            assertThat(got.header("accept-encoding")).as("no automatic decompression").isNull();
        }
    }

    @Test
    void aSlowEndpointIsNoResponseWithinTheTimeout() throws Exception {
        try (Receiver receiver = new Receiver();
             HttpSender sender = new HttpSender(SETTINGS, new TargetGuard(true, List.of()))) {
            receiver.script(r -> new Receiver.Reply(200, "late", Map.of(), 3_000));
            SendResult result = sender.send(post(receiver.url("/in")));
            assertThat(result.success()).isFalse();
            assertThat(result.responseStatus()).isNull();
            assertThat(result.error()).isEqualTo("no response within 1 s");
        }
    }

    @Test
    void aHostNameResolvingToLoopbackIsRefusedAtConnectTimeWithoutARequest() throws Exception {
        try (Receiver receiver = new Receiver();
             HttpSender sender = new HttpSender(SETTINGS, new TargetGuard(false, List.of()))) {
            int port = URI.create(receiver.url("/")).getPort();
            SendResult result = sender.send(post("http://localhost:" + port + "/in"));
            assertThat(result.success()).isFalse();
            assertThat(result.responseStatus()).isNull();
            assertThat(result.error()).startsWith("not sent: 'localhost' resolves to ").contains("loopback");
            assertThat(receiver.all()).isEmpty();
        }
    }

    @Test
    void anUnresolvableHostSaysSo() {
        try (HttpSender sender = new HttpSender(SETTINGS, new TargetGuard(false, List.of()))) {
            SendResult result = sender.send(post("http://no-such-host.invalid/in"));
            assertThat(result.error()).isEqualTo("unknown host no-such-host.invalid: it does not resolve");
        }
    }

    @Test
    void aServerThatHangsUpWithoutAnswerIsReportedInWords() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             HttpSender sender = new HttpSender(SETTINGS, new TargetGuard(true, List.of()))) {
            Thread hangUp = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getInputStream().read(new byte[1024]);
                } catch (java.io.IOException ignored) {
                    // the test fails on the result below if this goes wrong
                }
            });
            hangUp.start();
            SendResult result = sender.send(post("http://127.0.0.1:" + server.getLocalPort() + "/in"));
            hangUp.join(5_000);
            assertThat(result.responseStatus()).isNull();
            assertThat(result.error()).isEqualTo("the connection closed before a response arrived");
        }
    }
}
