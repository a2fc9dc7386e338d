package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A careless receiver compiled during the test: it passes the sender's id, time and body on unchecked.
 * What the sender got wrong is a 400 with a plain message; the receiver's own failure a 500 that names
 * no Java class. Nothing is stored either way.
 */
class TestReceiverMistakes {

    static TestHost host;
    static String url;
    static String inboundId;

    @BeforeAll
    static void start() {
        Path plugins = TestHost.tempDir("plugins");
        PluginJar.plugin("careless-receiver").source("test.careless.Careless", """
                package test.careless;
                import io.plugboard.sdk.inbound.*;
                import io.plugboard.sdk.settings.*;
                import java.nio.charset.StandardCharsets;
                import java.time.Instant;
                import java.util.List;
                @org.pf4j.Extension
                public class Careless implements Receiver {
                    public String id() { return "careless"; }
                    public String name() { return "Careless"; }
                    public String description() { return "Takes X-Id, X-At and the body as they come."; }
                    public List<Setting> settings() { return List.of(); }
                    public ReceiveResult parse(InboundRequest request) {
                        ReceivedEvent e = ReceivedEvent.of("ping", new String(request.body(), StandardCharsets.UTF_8));
                        if (request.header("X-Id").isPresent()) {
                            e = e.withExternalId(request.header("X-Id").get());
                        }
                        if (request.header("X-At").isPresent()) {
                            e = e.withOccurredAt(Instant.parse(request.header("X-At").get()));
                        }
                        return ReceiveResult.events(List.of(e));
                    }
                }
                """).writeTo(plugins);
        host = TestHost.start(plugins);
        JsonNode inbound = Inbound.create(host, "Careless", "careless", Map.of());
        url = inbound.get("url").asText();
        inboundId = inbound.get("id").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void aReceiverThatThrowsAnswers500WithoutNamingAJavaClass() {
        int before = receivedTotal();
        Http.Response r = Inbound.post(url, "{\"n\":1}", Map.of("X-Id", "x".repeat(5000)));
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        String error = r.json().get("error").asText();
        assertThat(error).isEqualTo("the receiver 'careless' failed on this request; the server log has the details");
        assertThat(r.body()).doesNotContain("java.").doesNotContain("Exception");
        JsonNode errors = host.http().get("/api/v1/inbound-webhooks/" + inboundId + "/errors").json().get("data");
        assertThat(errors).isNotEmpty();
        errors.forEach(e -> assertThat(e.get("message").asText()).doesNotContain("java.").doesNotContain("Exception"));
        assertThat(receivedTotal()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aNumberThatDoesNotFitADoubleIs400NamingItsPath() {
        int before = receivedTotal();
        Http.Response r = Inbound.post(url, "{\"n\":1e999999999,\"list\":[1,{\"m\":-2e400}]}", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("data.n: number out of range")
                .contains("data.list[1].m: number out of range");
        assertThat(receivedTotal()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aTimeBeyondTheYearsTheStoreHoldsIs400() {
        int before = receivedTotal();
        for (String at : new String[] {"+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z"}) {
            Http.Response r = Inbound.post(url, "{\"n\":1}", Map.of("X-At", at));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("out of range");
        }
        assertThat(receivedTotal()).as("nothing stored").isEqualTo(before);
        assertThat(Inbound.post(url, "{\"n\":1}", Map.of("X-At", "2026-11-20T00:00:00Z")).status()).isEqualTo(202);
    }

    private static int receivedTotal() {
        return host.http().get("/api/v1/received-events?inbound_webhook=" + inboundId).json().get("total").asInt();
    }
}
