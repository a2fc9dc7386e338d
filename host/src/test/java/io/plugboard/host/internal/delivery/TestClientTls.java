package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.InternalConfigs;
import io.plugboard.host.internal.outbound.ClientTls;
import io.plugboard.host.internal.outbound.EndpointAccess;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.testing.TestCertificates;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TlsServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mutual TLS against a real Jetty HTTPS server that requires a client certificate (made by keytool in the test). */
class TestClientTls {

    private static final DeliveryConfig SETTINGS = InternalConfigs.delivery(DeliverySettings.defaults().toBuilder()
            .requestTimeout(Duration.ofSeconds(20)).build());

    static TestCertificates.Made serverCert;
    static TestCertificates.Made clientCert;
    static TestCertificates.Made strangerCert;
    static TlsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Path dir = TestHost.tempDir("mtls");
        serverCert = TestCertificates.make(dir, "server");
        clientCert = TestCertificates.make(dir, "client");
        strangerCert = TestCertificates.make(dir, "stranger");
        server = new TlsServer(serverCert, TestCertificates.trustStore(clientCert));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static WebhookRequest post(String path, ClientTls tls) {
        return new WebhookRequest(URI.create(server.url(path)), Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), new EndpointAccess(tls, null));
    }

    private static HttpSender sender() {
        return new HttpSender(SETTINGS, new TargetGuard(false, List.of("127.0.0.1")));
    }

    @Test
    void theClientCertificateIsPresentedAndTheCaBundleTrusted() {
        try (HttpSender sender = sender()) {
            SendResult result = sender.send(post("/with", new ClientTls(clientCert.certificatePem(), clientCert.keyPem(),
                    serverCert.certificatePem())));
            assertThat(result.success()).as(result.error()).isTrue();
            assertThat(result.responseStatus()).isEqualTo(200);
            assertThat(server.got()).extracting(TlsServer.Got::path, TlsServer.Got::clientSubject)
                    .contains(org.assertj.core.groups.Tuple.tuple("/with", "CN=client"));
        }
    }

    @Test
    void withoutACertificateOrWithAnUntrustedOneTheServerRefusesTheHandshake() {
        try (HttpSender sender = sender()) {
            SendResult without = sender.send(post("/without", new ClientTls(null, null, serverCert.certificatePem())));
            assertThat(without.success()).isFalse();
            assertThat(without.responseStatus()).isNull();
            SendResult stranger = sender.send(post("/stranger", new ClientTls(strangerCert.certificatePem(),
                    strangerCert.keyPem(), serverCert.certificatePem())));
            assertThat(stranger.success()).isFalse();
            assertThat(stranger.responseStatus()).isNull();
            assertThat(server.got()).extracting(TlsServer.Got::path).doesNotContain("/without", "/stranger");
        }
    }

    @Test
    void withoutTheCaBundleTheServersSelfSignedCertificateIsNotTrusted() {
        try (HttpSender sender = sender()) {
            SendResult result = sender.send(post("/untrusted", new ClientTls(clientCert.certificatePem(),
                    clientCert.keyPem(), null)));
            assertThat(result.success()).isFalse();
            assertThat(result.error()).startsWith("TLS error");
            assertThat(server.got()).extracting(TlsServer.Got::path).doesNotContain("/untrusted");
        }
    }

    @Test
    void oneClientPerDistinctConfigurationIsKept() throws Exception {
        try (EndpointClients clients = new EndpointClients(SETTINGS, new TargetGuard(false, List.of("127.0.0.1")), null)) {
            ClientTls a = new ClientTls(clientCert.certificatePem(), clientCert.keyPem(), serverCert.certificatePem());
            ClientTls sameAsA = new ClientTls(clientCert.certificatePem(), clientCert.keyPem(), serverCert.certificatePem());
            ClientTls b = new ClientTls(strangerCert.certificatePem(), strangerCert.keyPem(), null);
            assertThat(clients.forTls(null)).isSameAs(clients.shared());
            assertThat(clients.forTls(a)).isSameAs(clients.forTls(sameAsA)).isNotSameAs(clients.shared());
            assertThat(clients.forTls(b)).isNotSameAs(clients.forTls(a));
            assertThat(clients.tlsClients()).isEqualTo(2);
        }
    }
}
