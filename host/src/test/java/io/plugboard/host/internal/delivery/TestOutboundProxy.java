package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.InternalConfigs;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.testing.ForwardProxy;
import io.plugboard.host.testing.Receiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Webhook requests through a real forward proxy on 127.0.0.1: what goes through it, what bypasses it, and the guard. */
class TestOutboundProxy {

    private static final DeliveryConfig SETTINGS = InternalConfigs.delivery(DeliverySettings.defaults().toBuilder()
            .requestTimeout(Duration.ofSeconds(20)).build());

    private static WebhookRequest post(String url) {
        return new WebhookRequest(URI.create(url), Map.of("Content-Type", "application/json", "webhook-id", "evt_1"),
                "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
    }

    private static HttpSender sender(TargetGuard guard, OutboundProxy proxy) {
        return new HttpSender(SETTINGS, guard, request -> Optional.empty(), proxy, (app, name) -> Optional.empty(), Clock.systemUTC());
    }

    @Test
    void deliveriesGoThroughTheProxyWithItsCredentials() throws Exception {
        try (Receiver receiver = new Receiver(); ForwardProxy proxy = new ForwardProxy();
             HttpSender sender = sender(new TargetGuard(false, List.of("127.0.0.1")),
                     new OutboundProxy("127.0.0.1", proxy.port(), "egress", "p@ss:word", List.of()))) {
            for (int i = 0; i < 2; i++) {
                SendResult result = sender.send(post(receiver.url("/in/" + i)));
                assertThat(result.success()).as(result.error()).isTrue();
            }
            assertThat(receiver.all()).extracting(Receiver.Request::path).containsExactly("/in/0", "/in/1");
            assertThat(receiver.all().get(0).bodyText()).isEqualTo("{\"n\":1}");
            assertThat(receiver.all().get(0).header("webhook-id")).isEqualTo("evt_1");
            String basic = "Basic " + Base64.getEncoder().encodeToString("egress:p@ss:word".getBytes(StandardCharsets.UTF_8));
            assertThat(proxy.proxied()).extracting(ForwardProxy.Proxied::uri)
                    .containsExactly(receiver.url("/in/0"), receiver.url("/in/1"));
            assertThat(proxy.proxied()).allSatisfy(p -> assertThat(p.proxyAuthorization()).isEqualTo(basic));
            assertThat(receiver.all().get(0).header("proxy-authorization")).as("never passed on to the target").isNull();
        }
    }

    @Test
    void aNoProxyHostIsReachedDirectly() throws Exception {
        try (Receiver receiver = new Receiver(); ForwardProxy proxy = new ForwardProxy();
             HttpSender sender = sender(new TargetGuard(false, List.of("127.0.0.1", "localhost")),
                     new OutboundProxy("127.0.0.1", proxy.port(), null, null, List.of(".LOCALHOST")))) {
            int port = URI.create(receiver.url("/")).getPort();
            SendResult direct = sender.send(post("http://localhost:" + port + "/direct"));
            assertThat(direct.success()).as(direct.error()).isTrue();
            assertThat(proxy.proxied()).as("localhost is on the no-proxy list").isEmpty();
            SendResult proxied = sender.send(post(receiver.url("/proxied")));
            assertThat(proxied.success()).as(proxied.error()).isTrue();
            assertThat(proxy.proxied()).extracting(ForwardProxy.Proxied::uri).containsExactly(receiver.url("/proxied"));
            assertThat(receiver.all()).extracting(Receiver.Request::path).containsExactly("/direct", "/proxied");
        }
    }

    @Test
    void theGuardJudgesTheTargetNotTheProxy() throws Exception {
        // The guard allows the name localhost only: the proxy's own loopback address is not judged, the target is.
        try (Receiver receiver = new Receiver(); ForwardProxy proxy = new ForwardProxy();
             HttpSender sender = sender(new TargetGuard(false, List.of("localhost")),
                     new OutboundProxy("127.0.0.1", proxy.port(), null, null, List.of()))) {
            int port = URI.create(receiver.url("/")).getPort();
            SendResult allowed = sender.send(post("http://localhost:" + port + "/allowed"));
            assertThat(allowed.success()).as(allowed.error()).isTrue();
            assertThat(proxy.proxied()).extracting(ForwardProxy.Proxied::uri)
                    .containsExactly("http://localhost:" + port + "/allowed");

            SendResult refused = sender.send(post(receiver.url("/refused")));
            assertThat(refused.success()).isFalse();
            assertThat(refused.responseStatus()).isNull();
            assertThat(refused.error()).startsWith("not sent: ").contains("127.0.0.1");
            SendResult metadata = sender.send(post("http://169.254.169.254/latest/meta-data/"));
            assertThat(metadata.error()).startsWith("not sent: ");
            assertThat(proxy.proxied()).as("refused targets never reach the proxy").hasSize(1);
            assertThat(receiver.all()).extracting(Receiver.Request::path).containsExactly("/allowed");
        }
    }

    @Test
    void anHttpsTargetTheGuardRefusesIsNeverTunnelled() throws Exception {
        // https:// goes through the proxy as CONNECT host:port; the guard judges that host before any CONNECT.
        try (ForwardProxy proxy = new ForwardProxy();
             HttpSender sender = sender(new TargetGuard(false, List.of("localhost")),
                     new OutboundProxy("127.0.0.1", proxy.port(), "egress", "pw", List.of()))) {
            SendResult refused = sender.send(post("https://127.0.0.1:" + proxy.port() + "/refused"));
            assertThat(refused.success()).isFalse();
            assertThat(refused.responseStatus()).isNull();
            assertThat(refused.error()).startsWith("not sent: ").contains("127.0.0.1");
            SendResult metadata = sender.send(post("https://169.254.169.254/latest/meta-data/"));
            assertThat(metadata.error()).startsWith("not sent: ");
            assertThat(proxy.proxied()).as("no CONNECT for a refused target").isEmpty();
        }
    }

    @Test
    void theProxyConfigurationNeverShowsThePassword() {
        OutboundProxy proxy = new OutboundProxy("proxy.internal", 3128, "egress", "s3cret", List.of("*.corp.example", "10.0.0.1"));
        assertThat(proxy.toString()).doesNotContain("s3cret").contains("egress");
        assertThat(proxy.proxies("hooks.corp.example")).isFalse();
        assertThat(proxy.proxies("corp.example")).isFalse();
        assertThat(proxy.proxies("notcorp.example")).isTrue();
        assertThat(proxy.proxies("10.0.0.1")).isFalse();
        assertThat(proxy.proxies("example.com")).isTrue();
    }
}
