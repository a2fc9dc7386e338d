package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.CoreHooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One webhook cannot stop the others' deliveries: a template that would loop for ages fails its own
 * attempts with the budget error while a second webhook on the same event type gets its deliveries,
 * also after a restart; a plugin filter stuck on one webhook holds only that webhook.
 */
class TestTemplateBudgetDelivery {

    /** Four nested loops over the same array: 10^12 turns for 1,000 numbers, and no output at all. */
    static final String LOOPS = "{{#each data.a}}{{#each ../data.a}}{{#each ../../data.a}}{{#each ../../../data.a}}"
            + "{{/each}}{{/each}}{{/each}}{{/each}}";
    static final Map<String, Object> THOUSAND = Map.of("a", IntStream.range(0, 1000).boxed().toList());
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void aTemplateOverBudgetFailsItsOwnAttemptsWhileAnotherWebhookGetsItsDeliveriesAlsoAfterARestart() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        Receiver a = receiver();
        Receiver b = receiver();
        TestHost host = TestHost.start(plugins, data);
        open.add(host);
        String slow = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Loops", "url", a.url("/a"),
                "events", List.of("ping"), "format", "template", "template", LOOPS,
                "headers", Map.of("Content-Type", "text/plain")))).json().get("id").asText();
        host.createWebhook("Plain", b.url("/b"), "ping");

        String first = host.host().events().emit("ping", THOUSAND);
        assertThat(b.next(WAIT).header("webhook-id")).isEqualTo(first);
        Await.until("the slow webhook's delivery failed", WAIT, () -> failed(host, slow).size() == 1);
        JsonNode detail = host.http().get("/api/v1/deliveries/" + failed(host, slow).get(0).get("id").asText()).json();
        assertThat(detail.get("attempts")).as("every attempt, retries included, fails").hasSize(4);
        detail.get("attempts").forEach(att -> assertThat(att.get("error").asText())
                .isEqualTo("the request could not be built: template took longer than 250 ms"));
        String second = host.host().events().emit("ping", THOUSAND);
        assertThat(b.next(WAIT).header("webhook-id")).isEqualTo(second);
        // One more left pending at close: the new host finds it due again at start.
        String third = host.host().events().emit("ping", THOUSAND);
        host.close();
        open.remove(host);

        TestHost again = TestHost.start(plugins, data);
        open.add(again);
        String fourth = again.host().events().emit("ping", THOUSAND);
        b.awaitCount(4, WAIT);
        assertThat(b.all()).extracting(r -> r.header("webhook-id")).containsExactlyInAnyOrder(first, second, third, fourth);
        Await.until("all four of the slow webhook's deliveries failed", WAIT, () -> failed(again, slow).size() == 4);
        assertThat(a.all()).as("nothing rendered, nothing sent").isEmpty();
    }

    @Test
    void aFilterStuckOnOneWebhookHoldsOnlyThatWebhook() throws Exception {
        Receiver a = receiver();
        Receiver b = receiver();
        TestHost host = TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"));
        open.add(host);
        String stuck = host.createWebhook("Stuck", a.url("/a"), "ping").get("id").asText();
        host.createWebhook("Free", b.url("/b"), "ping");
        CountDownLatch release = new CountDownLatch(1);
        Registration filter = host.host().hooks().addFilter(CoreHooks.OUTGOING_PAYLOAD, 10, p -> {
            if (p.webhookId().equals(stuck)) {
                await(release);
            }
            return p;
        });
        open.add(release::countDown);
        open.add(filter::remove);

        String one = host.host().events().emit("ping", Map.of("n", 1));
        String two = host.host().events().emit("ping", Map.of("n", 2));
        assertThat(List.of(b.next(WAIT).header("webhook-id"), b.next(WAIT).header("webhook-id")))
                .containsExactlyInAnyOrder(one, two);
        String three = host.host().events().emit("ping", Map.of("n", 3));
        assertThat(b.next(WAIT).header("webhook-id")).isEqualTo(three);
        assertThat(a.all()).isEmpty();

        release.countDown();
        assertThat(a.awaitCount(3, WAIT)).extracting(r -> r.header("webhook-id")).containsExactlyInAnyOrder(one, two, three);
    }

    private Receiver receiver() {
        Receiver r = new Receiver();
        open.add(r);
        return r;
    }

    private static List<JsonNode> failed(TestHost host, String webhookId) {
        JsonNode page = host.http().get("/api/v1/webhooks/" + webhookId + "/deliveries?status=failed&limit=50").json();
        List<JsonNode> out = new ArrayList<>();
        page.get("data").forEach(out::add);
        return out;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
