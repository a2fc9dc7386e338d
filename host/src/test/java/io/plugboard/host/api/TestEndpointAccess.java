package io.plugboard.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.ForwardProxy;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestCertificates;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TlsServer;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A webhook's {@code client_tls} and {@code oauth} through the API of a started host: what is refused (400, nothing
 * stored), what is shown (the key only masked), and deliveries through mutual TLS, OAuth and the outbound proxy.
 */
class TestEndpointAccess {

    static TestCertificates.Made serverCert;
    static TestCertificates.Made clientCert;
    static TestCertificates.Made otherCert;
    static TlsServer tlsServer;

    @BeforeAll
    static void certificates() throws Exception {
        Path dir = TestHost.tempDir("mtls");
        serverCert = TestCertificates.make(dir, "server");
        clientCert = TestCertificates.make(dir, "client");
        otherCert = TestCertificates.make(dir, "other");
        tlsServer = new TlsServer(serverCert, TestCertificates.trustStore(clientCert));
    }

    @AfterAll
    static void stop() throws Exception {
        tlsServer.close();
    }

    private static Map<String, Object> webhook(String url, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Secured", "url", url, "events", List.of("ping")));
        body.putAll(more);
        return body;
    }

    private static Map<String, Object> tls(String certificate, String key, String ca) {
        Map<String, Object> tls = new HashMap<>();
        tls.put("certificate", certificate);
        tls.put("key", key);
        tls.put("ca", ca);
        return tls;
    }

    private static JsonNode deliveries(TestHost host, String webhookId) {
        return host.http().get("/api/v1/webhooks/" + webhookId + "/deliveries").json().get("data");
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsStored() {
        try (TestHost host = TestHost.start()) {
            Http http = host.http();
            assertRefused(http, Map.of("client_tls", tls("not a pem", clientCert.keyPem(), null)),
                    "client_tls.certificate", "must be PEM");
            assertRefused(http, Map.of("client_tls", tls(clientCert.certificatePem(), otherCert.keyPem(), null)),
                    "client_tls.key", "does not match the certificate (CN=client)");
            assertRefused(http, Map.of("client_tls", tls(clientCert.certificatePem(), null, null)),
                    "client_tls.key", "required with a certificate");
            assertRefused(http, Map.of("client_tls", tls(null, null, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")),
                    "client_tls.ca", "cannot be read");
            assertRefused(http, Map.of("client_tls", Map.of("cert", "x")), "client_tls.cert", "has only ca, certificate, key");
            assertRefused(http, Map.of("oauth", Map.of("token_url", "https://auth.example.com/token", "client_id", "id",
                    "client_secret", "NO_SUCH_SECRET")), "oauth.client_secret", "names no secret");
            assertRefused(http, Map.of("oauth", Map.of("token_url", "ftp://auth.example.com", "client_id", "id")),
                    "oauth.token_url", "http:// or https://");
            http.postJson("/api/v1/secrets", Http.json(Map.of("name", "OAUTH_SECRET", "value", "s3cret")));
            assertRefused(http, Map.of("token", "tok", "oauth", Map.of("token_url", "https://auth.example.com/token",
                    "client_id", "id", "client_secret", "OAUTH_SECRET")), "oauth", "cannot both be set");
            assertThat(http.get("/api/v1/webhooks").json().get("total").asInt()).isZero();
        }
    }

    private static void assertRefused(Http http, Map<String, Object> more, String field, String message) {
        Http.Response r = http.postJson("/api/v1/webhooks", Http.json(webhook("https://example.com/hook", more)));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("details").get(field).asText()).as(r.body()).contains(message);
        assertThat(r.body()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void mutualTlsDeliversAndTheKeyIsSealedAndShownOnlyMasked() throws Exception {
        try (TestHost host = TestHost.start()) {
            Http.Response created = host.http().postJson("/api/v1/webhooks", Http.json(webhook(tlsServer.url("/hooks"),
                    Map.of("client_tls", tls(clientCert.certificatePem(), clientCert.keyPem(), serverCert.certificatePem())))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode w = created.json();
            String id = w.get("id").asText();
            assertThat(w.get("client_tls").get("key").asText()).isEqualTo("********");
            assertThat(w.get("client_tls").get("certificate").asText()).isEqualTo(clientCert.certificatePem().strip());
            assertThat(created.body()).doesNotContain("PRIVATE KEY");
            try (Connection c = host.connection(); ResultSet rs = c.createStatement().executeQuery("SELECT client_tls FROM webhooks")) {
                rs.next();
                assertThat(rs.getString(1)).doesNotContain("PRIVATE").doesNotContain("CERTIFICATE");
            }
            // The mask sent back keeps the key.
            Http.Response renamed = host.http().patchJson("/api/v1/webhooks/" + id, Http.json(Map.of("name", "Renamed",
                    "client_tls", tls(clientCert.certificatePem(), "********", serverCert.certificatePem()))));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

            host.host().events().emit("ping", Map.of("n", 1));
            Await.value("delivered over mutual TLS", () -> deliveries(host, id),
                    d -> d.size() == 1 && d.get(0).get("status").asText().equals("succeeded"));
            assertThat(tlsServer.got()).extracting(TlsServer.Got::path, TlsServer.Got::clientSubject)
                    .contains(org.assertj.core.groups.Tuple.tuple("/hooks", "CN=client"));

            Http.Response removed = host.http().patchJson("/api/v1/webhooks/" + id, "{\"client_tls\": null}");
            assertThat(removed.json().get("client_tls").isNull()).as(removed.body()).isTrue();
            host.host().events().emit("ping", Map.of("n", 2));
            JsonNode attempts = Await.value("refused without the certificate", () -> deliveries(host, id),
                    d -> d.size() == 2 && d.get(0).get("attempts").asInt() >= 1);
            assertThat(attempts.get(0).get("status").asText()).isNotEqualTo("succeeded");
        }
    }

    @Test
    void oauthTokensAreFetchedCachedAndAFailingTokenEndpointIsRetried() throws Exception {
        // The third attempt comes seconds after the second: time to let the token endpoint answer before the
        // delivery's last attempt (with TestHost.FAST's 50 ms gaps a busy machine could use them all up first).
        DeliverySettings slowThird = TestHost.FAST.toBuilder()
                .retrySchedule(List.of(Duration.ofMillis(50), Duration.ofSeconds(4), Duration.ofSeconds(4))).build();
        try (TestHost host = TestHost.start(slowThird); Receiver tokens = new Receiver(); Receiver endpoint = new Receiver()) {
            tokens.respond(500, "{\"error\":\"temporarily_unavailable\"}");
            host.http().postJson("/api/v1/secrets", Http.json(Map.of("name", "OAUTH_SECRET", "value", "s3cret")));
            Http.Response created = host.http().postJson("/api/v1/webhooks", Http.json(webhook(endpoint.url("/in"),
                    Map.of("oauth", Map.of("token_url", tokens.url("/token"), "client_id", "plugboard",
                            "client_secret", "OAUTH_SECRET", "scope", "hooks")))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.json().get("oauth").get("client_secret").asText()).isEqualTo("OAUTH_SECRET");

            host.host().events().emit("ping", Map.of("n", 1));
            JsonNode pending = Await.value("two failed attempts", () -> deliveries(host, id),
                    d -> d.size() == 1 && d.get(0).get("attempts").asInt() >= 2).get(0);
            JsonNode attempt = host.http().get("/api/v1/deliveries/" + pending.get("id").asText()).json().get("attempts").get(0);
            assertThat(attempt.get("error").asText()).isEqualTo("not sent: the token endpoint " + tokens.url("/token")
                    + " answered HTTP 500 temporarily_unavailable");
            assertThat(endpoint.all()).isEmpty();

            java.util.concurrent.atomic.AtomicInteger issued = new java.util.concurrent.atomic.AtomicInteger();
            tokens.script(r -> {
                issued.incrementAndGet();
                return new Receiver.Reply(200, "{\"access_token\":\"tok-ok\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
                        Map.of("Content-Type", "application/json"), 0);
            });
            Await.value("delivered once the token endpoint answers", () -> deliveries(host, id),
                    d -> d.get(0).get("status").asText().equals("succeeded"));
            host.host().events().emit("ping", Map.of("n", 2));
            endpoint.awaitCount(2, Await.LIMIT);
            assertThat(endpoint.all()).allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer tok-ok"));
            assertThat(issued.get()).as("one token for both deliveries").isEqualTo(1);
            assertThat(tokens.all()).allSatisfy(r -> assertThat(r.header("authorization")).startsWith("Basic "));

            Http.Response delete = host.http().delete("/api/v1/secrets/OAUTH_SECRET");
            assertThat(delete.status()).as("the webhook uses it").isEqualTo(409);
        }
    }

    @Test
    void theHostsOutboundProxyCarriesDeliveries() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy(); Receiver receiver = new Receiver();
             TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                     b -> b.outboundProxy("http://egress:pw@127.0.0.1:" + proxy.port()))) {
            String id = host.createWebhook("Proxied", receiver.url("/via-proxy"), "ping").get("id").asText();
            host.host().events().emit("ping", Map.of("n", 1));
            Await.value("delivered", () -> deliveries(host, id), d -> d.size() == 1
                    && d.get(0).get("status").asText().equals("succeeded"));
            assertThat(proxy.proxied()).extracting(ForwardProxy.Proxied::uri).containsExactly(receiver.url("/via-proxy"));
            assertThat(proxy.proxied().get(0).proxyAuthorization()).startsWith("Basic ");
        }
    }

    @Test
    void anHttpsEndpointIsReachedThroughTheProxysConnectTunnel() throws Exception {
        try (ForwardProxy proxy = new ForwardProxy();
             TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"),
                     b -> b.outboundProxy("http://egress:pw@127.0.0.1:" + proxy.port()))) {
            // Mutual TLS and the webhook's own CA bundle: the handshake is end to end, through the tunnel.
            Http.Response created = host.http().postJson("/api/v1/webhooks", Http.json(webhook(tlsServer.url("/tunnelled"),
                    Map.of("client_tls", tls(clientCert.certificatePem(), clientCert.keyPem(), serverCert.certificatePem())))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asText();
            host.host().events().emit("ping", Map.of("n", 1));
            Await.value("delivered through the tunnel", () -> deliveries(host, id),
                    d -> d.size() == 1 && d.get(0).get("status").asText().equals("succeeded"));
            String authority = tlsServer.url("").substring("https://".length());
            assertThat(proxy.proxied()).extracting(ForwardProxy.Proxied::method, ForwardProxy.Proxied::uri)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CONNECT", authority));
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("egress:pw".getBytes());
            assertThat(proxy.proxied().get(0).proxyAuthorization()).isEqualTo(basic);
            TlsServer.Got got = tlsServer.got().stream().filter(g -> g.path().equals("/tunnelled")).findFirst().orElseThrow();
            assertThat(got.clientSubject()).isEqualTo("CN=client");
            assertThat(got.signature()).as("the signed request arrived").startsWith("v1,");
        }
    }
}
