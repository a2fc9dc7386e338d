package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.InternalConfigs;
import io.plugboard.host.internal.outbound.EndpointAccess;
import io.plugboard.host.internal.outbound.OAuthClient;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.SettableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth 2.0 client credentials against a real local token endpoint that counts its requests, and a real
 * endpoint that accepts only the newest token.
 */
class TestOAuthTokens {

    private static final DeliveryConfig SETTINGS = InternalConfigs.delivery(DeliverySettings.defaults().toBuilder()
            .requestTimeout(Duration.ofSeconds(20)).build());

    private final Receiver tokenEndpoint = new Receiver();
    private final Receiver endpoint = new Receiver();
    private final AtomicInteger issued = new AtomicInteger();
    private final SettableClock clock = new SettableClock();
    private volatile int expiresIn = 3600;
    private HttpSender sender;
    private OAuthClient client;

    @BeforeEach
    void start() {
        tokenEndpoint.script(r -> new Receiver.Reply(200, "{\"access_token\":\"tok-" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}", Map.of("Content-Type", "application/json"), 0));
        // Only the newest token is accepted, as after a revocation on the endpoint's side.
        endpoint.script(r -> Receiver.Reply.of(("Bearer tok-" + issued.get()).equals(r.header("authorization")) ? 200 : 401));
        sender = new HttpSender(SETTINGS, new TargetGuard(false, List.of("127.0.0.1")), request -> Optional.empty(), null,
                (app, name) -> name.equals("CLIENT_SECRET") ? Optional.of("s3cr&t") : Optional.empty(), clock);
        client = new OAuthClient(tokenEndpoint.url("/token"), "plugboard", "CLIENT_SECRET", "hooks:write");
    }

    @AfterEach
    void stop() {
        sender.close();
        tokenEndpoint.close();
        endpoint.close();
    }

    private SendResult send(String path) {
        return sender.send(new WebhookRequest(URI.create(endpoint.url(path)), Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), new EndpointAccess(null, client)));
    }

    @Test
    void theTokenIsFetchedOnceAndSentAsBearerOnEveryDelivery() {
        for (int i = 0; i < 3; i++) {
            SendResult result = send("/in");
            assertThat(result.success()).as(result.error()).isTrue();
        }
        assertThat(tokenEndpoint.all()).hasSize(1);
        Receiver.Request asked = tokenEndpoint.all().get(0);
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.header("authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("plugboard:s3cr%26t".getBytes(StandardCharsets.UTF_8)));
        assertThat(asked.header("content-type")).startsWith("application/x-www-form-urlencoded");
        assertThat(asked.bodyText()).contains("grant_type=client_credentials").contains("scope=hooks%3Awrite");
        assertThat(endpoint.all()).hasSize(3).allSatisfy(r -> assertThat(r.header("authorization")).isEqualTo("Bearer tok-1"));
    }

    @Test
    void aTokenIsFetchedAgainShortlyBeforeItExpires() {
        assertThat(send("/1").success()).isTrue();
        clock.advance(Duration.ofSeconds(3600 - 60));
        assertThat(send("/2").success()).isTrue();
        assertThat(tokenEndpoint.all()).as("still well before expiry").hasSize(1);
        clock.advance(Duration.ofSeconds(45));
        assertThat(send("/3").success()).isTrue();
        assertThat(tokenEndpoint.all()).as("within 30 s of expiry").hasSize(2);
        assertThat(endpoint.all().get(2).header("authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void a401FetchesANewTokenOnceAndSendsAgain() {
        assertThat(send("/1").success()).isTrue();
        issued.incrementAndGet(); // the endpoint now wants tok-2, which nobody fetched yet
        SendResult result = send("/2");
        assertThat(result.success()).as(result.error()).isTrue();
        assertThat(tokenEndpoint.all()).hasSize(2);
        assertThat(endpoint.all()).extracting(r -> r.header("authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-3");
    }

    @Test
    void a401AfterTheFreshTokenIsTheAnswer() {
        endpoint.script(r -> Receiver.Reply.of(401));
        SendResult result = send("/never");
        assertThat(result.success()).isFalse();
        assertThat(result.responseStatus()).isEqualTo(401);
        assertThat(tokenEndpoint.all()).as("one fetch, one refresh, no loop").hasSize(2);
        assertThat(endpoint.all()).hasSize(2);
    }

    @Test
    void aFailingTokenEndpointIsAFailedAttemptThatSaysWhy() {
        tokenEndpoint.script(r -> new Receiver.Reply(401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}",
                Map.of("Content-Type", "application/json"), 0));
        SendResult result = send("/in");
        assertThat(result.success()).isFalse();
        assertThat(result.responseStatus()).isNull();
        assertThat(result.error()).isEqualTo("not sent: the token endpoint " + tokenEndpoint.url("/token")
                + " answered HTTP 401 invalid_client: unknown client");
        assertThat(result.error()).doesNotContain("s3cr");
        assertThat(endpoint.all()).isEmpty();
        // Nothing of the failure is kept: the next attempt asks again and succeeds.
        tokenEndpoint.script(r -> new Receiver.Reply(200, "{\"access_token\":\"late\",\"token_type\":\"bearer\"}", Map.of(), 0));
        endpoint.script(r -> Receiver.Reply.of(200));
        SendResult later = send("/in");
        assertThat(later.success()).as(later.error()).isTrue();
        assertThat(endpoint.all().get(0).header("authorization")).isEqualTo("Bearer late");
    }

    @Test
    void aTokenEndpointThatIsNotListeningSaysSo() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        client = new OAuthClient("http://127.0.0.1:" + closed + "/token", "plugboard", "CLIENT_SECRET", null);
        SendResult result = send("/in");
        assertThat(result.error()).isEqualTo("not sent: the token endpoint http://127.0.0.1:" + closed
                + "/token did not answer: connection refused");
        assertThat(endpoint.all()).isEmpty();
    }

    @Test
    void aMissingSecretSaysWhichOne() {
        client = new OAuthClient(tokenEndpoint.url("/token"), "plugboard", "GONE", null);
        SendResult result = send("/in");
        assertThat(result.error()).isEqualTo("not sent: the secret 'GONE' (oauth.client_secret) is not in the secrets store");
        assertThat(tokenEndpoint.all()).isEmpty();
    }
}
