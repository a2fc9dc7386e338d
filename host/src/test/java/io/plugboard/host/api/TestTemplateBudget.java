package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Preview, the test console and saving a webhook answer a template over its budget (time or output
 * size) with a 400 naming the limit, promptly; and the limits can be changed.
 */
class TestTemplateBudget {

    private static final String ARRAY = IntStream.range(0, 1000).mapToObj(Integer::toString)
            .collect(Collectors.joining(",", "[", "]"));
    /** Four nested loops over the same array: 10^12 turns, no output. */
    private static final String LOOPS = "{{#each data.a}}{{#each ../data.a}}{{#each ../../data.a}}"
            + "{{#each ../../../data.a}}{{/each}}{{/each}}{{/each}}{{/each}}";
    /** Three nested loops writing a kilobyte a turn: 1 TB. */
    private static final String HUGE = "{{#each data.a}}{{#each ../data.a}}{{#each ../../data.a}}"
            + "0123456789".repeat(100) + "{{/each}}{{/each}}{{/each}}";
    /** A long body with no loop at all: every {{json}} writes the whole array. */
    private static final String WIDE = "{{#if data.a}}" + "{{json data.a}}".repeat(200) + "{{/if}}";
    /** Enough for the answer, far too little for the work it stops. */
    // Far above the 250 ms budget, so a loaded machine does not fail it; without the budget the render never ends.
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    private TestHost host;
    private Receiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        host.close();
    }

    private void start(java.util.function.UnaryOperator<io.plugboard.host.PlugboardBuilder> budget) {
        host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), builder -> budget.apply(builder
                .eventType(EventType.builder("bulk").name("Bulk").group("Test").sample("{\"a\":" + ARRAY + "}").build())));
        receiver = new Receiver();
    }

    @Test
    void previewConsoleAndSaveAnswerTheBudgetErrorAsA400() {
        start(b -> b);
        Http http = host.http();
        assertTimeoutPreemptively(PROMPTLY, () -> assertError(http.postJson("/api/v1/webhooks/preview",
                preview("ping", LOOPS, "{\"a\":" + ARRAY + "}")), 400, "template took longer than 250 ms"));
        assertTimeoutPreemptively(PROMPTLY, () -> assertError(http.postJson("/api/v1/webhooks/preview",
                preview("ping", HUGE, "{\"a\":" + ARRAY + "}")), 400, "template output is larger than 256 KB"));
        assertTimeoutPreemptively(PROMPTLY, () -> assertError(http.postJson("/api/v1/webhooks/preview",
                preview("bulk", WIDE, null)), 400, "template output is larger than 256 KB"));

        // Saving renders each subscribed type's sample: the bulk sample has the 1,000 numbers.
        assertTimeoutPreemptively(PROMPTLY, () -> assertError(http.postJson("/api/v1/webhooks", Http.json(Map.of(
                "name", "Loops", "url", receiver.url("/a"), "events", List.of("bulk"), "format", "template",
                "template", LOOPS, "headers", Map.of("Content-Type", "text/plain")))), 400,
                "template took longer than 250 ms"));
        assertThat(http.get("/api/v1/webhooks").json().get("total").asInt()).isZero();

        // The console sends the payload the admin wrote: a template that fits the sample can still fail on it.
        Http.Response created = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Console",
                "url", receiver.url("/c"), "events", List.of("ping"), "format", "template", "template", LOOPS,
                "headers", Map.of("Content-Type", "text/plain"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertTimeoutPreemptively(PROMPTLY, () -> assertError(http.postJson("/api/v1/webhooks/" + id + "/console",
                "{\"event\":\"ping\",\"payload\":{\"a\":" + ARRAY + "}}"), 400, "template took longer than 250 ms"));
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void theLimitsCanBeChanged() {
        start(b -> b.templateBudget(Duration.ofMillis(100), 4096));
        Http http = host.http();
        assertTimeoutPreemptively(PROMPTLY, () -> assertError(http.postJson("/api/v1/webhooks/preview",
                preview("bulk", LOOPS, null)), 400, "template took longer than 100 ms"));
        assertError(http.postJson("/api/v1/webhooks/preview", preview("bulk", "{{json data}}{{json data}}", null)),
                400, "template output is larger than 4 KB");
        Http.Response fits = http.postJson("/api/v1/webhooks/preview", preview("bulk", "{{json data}}", null));
        assertThat(fits.status()).as(fits.body()).isEqualTo(200);
    }

    private static String preview(String event, String template, String payload) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("event", event, "format", "template", "template", template,
                "headers", Map.of("Content-Type", "text/plain")));
        String json = Http.json(body);
        return payload == null ? json : json.substring(0, json.length() - 1) + ",\"payload\":" + payload + "}";
    }
}
