package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The SDK's JSON values through a real host: a plugin declares its sample as a {@code JsonObject}, a JSON
 * route reads the body with {@code json()} and answers a {@code JsonValue}, emits with a {@code JsonObject},
 * and an {@code outgoing_payload} filter changes the data through {@code data()}/{@code withData(JsonObject)}.
 * Decimals keep their exact text all the way to the receiver.
 */
class TestPluginJson {

    static PluginJar receipts() {
        return PluginJar.plugin("receipts").manifest("Plugin-Class", "test.receipts.Main")
                .source("test.receipts.Events", """
                        package test.receipts;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.json.JsonObject;
                        import java.math.BigDecimal;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class Events implements EventTypeProvider {
                            public List<EventType> eventTypes() {
                                return List.of(EventType.builder("receipt_issued").name("Receipt issued")
                                        .sample(JsonObject.of("receipt_id", "r_1", "amount", new BigDecimal("9.90"),
                                                "customer", JsonObject.of("email", "a@example.com")))
                                        .build());
                            }
                        }
                        """)
                .source("test.receipts.Main", """
                        package test.receipts;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.hooks.CoreHooks;
                        import io.plugboard.sdk.json.*;
                        import io.plugboard.sdk.web.JsonResponse;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().routes().post("/receipts", r -> {
                                    JsonObject in = r.json().asObject();
                                    String id = context().events().emit("receipt_issued", JsonObject.builder()
                                            .put("receipt_id", in.string("receipt_id"))
                                            .put("amount", in.decimal("amount"))
                                            .put("customer", in.object("customer")).build());
                                    return JsonResponse.of(201, JsonObject.of("id", id, "amount", in.decimal("amount")));
                                });
                                context().hooks().addFilter(CoreHooks.OUTGOING_PAYLOAD, p -> p.eventType().equals("receipt_issued")
                                        ? p.withData(p.data().with("customer", p.data().object("customer").with("email", "[hidden]"))
                                                .with("filtered", true))
                                        : p);
                            }
                        }
                        """);
    }

    @Test
    void aPluginReadsEmitsAnswersAndFiltersJsonValues() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        receipts().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins); Receiver receiver = new Receiver()) {
            // The catalog keeps the sample's numbers exactly, as it does text samples: 9.90 stays 9.90.
            assertThat(host.http().get("/api/v1/event-types/receipt_issued").body())
                    .as("the sample declared as a JsonObject")
                    .contains("\"sample\":{\"receipt_id\":\"r_1\",\"amount\":9.90,\"customer\":{\"email\":\"a@example.com\"}}");
            JsonNode webhook = host.createWebhook("Receipts", receiver.url("/r"), "receipt_issued");

            Http.Response answer = host.http().postJson("/api/v1/plugins/receipts/receipts",
                    "{\"receipt_id\":\"r_7\",\"amount\":12.50,\"customer\":{\"email\":\"c@example.com\",\"name\":\"C\"}}");
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body()).startsWith("{\"id\":\"evt_").endsWith("\"amount\":12.50}");

            Receiver.Request delivered = receiver.next(Duration.ofSeconds(10));
            assertThat(delivered.bodyText()).contains(",\"data\":{\"receipt_id\":\"r_7\",\"amount\":12.50,"
                    + "\"customer\":{\"email\":\"[hidden]\",\"name\":\"C\"},\"filtered\":true}");
            assertThat(delivered.signedWith(webhook.get("secret").asText())).isTrue();
        }
    }

    @Test
    void aBodyThatIsNotJsonIsAnsweredWithTheParsersOneLineMessage() {
        Path plugins = TestHost.tempDir("plugins");
        receipts().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http.Response bad = host.http().postJson("/api/v1/plugins/receipts/receipts", "{\"receipt_id\":\"r_7\",}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("at line 1, column 21").doesNotContain("\\n");
            Http.Response missing = host.http().postJson("/api/v1/plugins/receipts/receipts", "{\"receipt_id\":\"r_7\"}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("error").asText()).isEqualTo("amount is missing");
        }
    }
}
