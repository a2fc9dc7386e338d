package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.plugins.Observer;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.CoreHooks;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outgoing-payload filter: the {@link Observer} plugin adds its {@code tag} setting to the data of
 * {@code order_placed}; the receiver gets the changed data, signed over the exact bytes it received.
 */
class TestOutgoingFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestHost host;
    private static Receiver receiver;

    @BeforeAll
    static void start() {
        Path dir = TestHost.tempDir("plugins");
        Observer.jar().writeTo(dir);
        host = TestHost.start(dir);
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        host.close();
        receiver.close();
    }

    @Test
    void aFilterChangesTheDataAndTheSignatureCoversWhatIsSent() throws Exception {
        assertThat(host.http().putJson("/api/v1/plugins/observer/settings", "{\"tag\":\"blue \\\"quoted\\\"\"}").status())
                .isEqualTo(200);
        JsonNode w = host.createWebhook("Filtered", receiver.url("/f"), "order_placed", "ping");
        String secret = w.get("secret").asText();

        Http.Response emitted = host.http().postJson("/api/v1/events",
                "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_7\",\"total\":\"1.00\"}}");
        Receiver.Request order = receiver.next(Duration.ofSeconds(10));
        JsonNode body = JSON.readTree(order.body());
        assertThat(body.get("id").asText()).isEqualTo(emitted.json().get("id").asText());
        assertThat(body.get("type").asText()).isEqualTo("order_placed");
        assertThat(body.get("data").get("tag").asText()).isEqualTo("blue \"quoted\"");
        assertThat(body.get("data").get("order_id").asText()).isEqualTo("ord_7");
        assertThat(order.signedWith(secret)).isTrue();

        // Not filtered: the data goes out exactly as it was stored.
        host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":1}}");
        Receiver.Request ping = receiver.next(Duration.ofSeconds(10));
        assertThat(ping.bodyText()).endsWith(",\"data\":{\"n\":1}}");
        assertThat(ping.signedWith(secret)).isTrue();
    }

    @Test
    void dataThatIsNotAJsonObjectIsNotSent() throws Exception {
        try (Receiver own = new Receiver()) {
            sendsTheStoredDataWhenAFilterBreaksIt(own);
        }
    }

    private void sendsTheStoredDataWhenAFilterBreaksIt(Receiver receiver) throws Exception {
        JsonNode w = host.createWebhook("Guarded", receiver.url("/g"), "ping");
        Registration broken = host.host().hooks().addFilter(CoreHooks.OUTGOING_PAYLOAD, 50,
                p -> p.webhookId().equals(w.get("id").asText()) ? p.withData("[\"not an object\"") : p);
        try {
            host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":2}}");
            Receiver.Request r = receiver.next(Duration.ofSeconds(10));
            assertThat(r.path()).isEqualTo("/g");
            assertThat(r.bodyText()).endsWith(",\"data\":{\"n\":2}}");
            assertThat(r.signedWith(w.get("secret").asText())).isTrue();
        } finally {
            broken.remove();
        }
    }
}
