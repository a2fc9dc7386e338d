package io.plugboard.host.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.DeliveryAttempt;
import io.plugboard.sdk.hooks.DeliveryResult;
import io.plugboard.sdk.hooks.DisableCause;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.hooks.WebhookDisabled;
import io.plugboard.sdk.hooks.WebhookInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The delivery and webhook on/off hooks, through the application's {@code plugboard.hooks()}. */
class TestCoreHooksDelivery {

    private static TestHost host;
    private static Hooks hooks;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        hooks = host.host().hooks();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void deliverySendingChangesHeadersAndBodyBeforeSigningAndAttemptedTellsTheOutcome() throws Exception {
        List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
        try (Receiver receiver = new Receiver().respond(200, "ok")) {
            JsonNode w = host.createWebhook("sending", receiver.url("/h"), "ping");
            String id = w.get("id").asText();
            Registration filter = hooks.addFilter(CoreHooks.DELIVERY_SENDING, r -> r.webhookId().equals(id)
                    ? r.withHeader("X-Extra", "yes").withHeader("webhook-id", "forged")
                            .withBody(r.body().replace("\"n\":5", "\"n\":6"))
                    : r);
            Registration heard = hooks.addAction(CoreHooks.DELIVERY_ATTEMPTED, a -> {
                if (a.webhookId().equals(id)) {
                    attempts.add(a);
                }
            });
            try {
                String eventId = host.host().events().emit("ping", Map.of("n", 5));
                Receiver.Request got = receiver.next(Duration.ofSeconds(10));
                assertThat(got.header("x-extra")).isEqualTo("yes");
                assertThat(got.header("webhook-id")).isEqualTo(eventId);
                assertThat(got.bodyText()).contains("\"n\":6");
                assertThat(got.signedWith(w.get("secret").asText())).as("signed over the filtered body").isTrue();
                Await.until("the attempt is told", () -> !attempts.isEmpty());
                assertThat(attempts.get(0)).satisfies(a -> {
                    assertThat(a.eventId()).isEqualTo(eventId);
                    assertThat(a.attempt()).isEqualTo(1);
                    assertThat(a.responseStatus()).isEqualTo(200);
                    assertThat(a.outcome()).isEqualTo("succeeded");
                    assertThat(a.durationMillis()).isNotNegative();
                });
            } finally {
                filter.remove();
                heard.remove();
            }
        }
    }

    @Test
    void retriesRunningOutAreExhaustedAndA410DisablesTheWebhookWithoutExhausting() throws Exception {
        List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
        List<DeliveryResult> exhausted = new CopyOnWriteArrayList<>();
        List<WebhookDisabled> disabled = new CopyOnWriteArrayList<>();
        try (Receiver failing = new Receiver().respond(500, "no"); Receiver gone = new Receiver().respond(410, "gone")) {
            String failingId = host.createWebhook("failing", failing.url("/h"), "ping").get("id").asText();
            String goneId = host.createWebhook("gone", gone.url("/h"), "ping").get("id").asText();
            Registration a = hooks.addAction(CoreHooks.DELIVERY_ATTEMPTED, attempts::add);
            Registration e = hooks.addAction(CoreHooks.DELIVERY_EXHAUSTED, exhausted::add);
            Registration d = hooks.addAction(CoreHooks.WEBHOOK_DISABLED, disabled::add);
            try {
                host.host().events().emit("ping", Map.of("n", 1));
                Await.until("retries run out", () -> exhausted.stream().anyMatch(r -> r.webhookId().equals(failingId)));
                Await.until("the gone webhook is turned off", () -> disabled.stream().anyMatch(x -> x.webhookId().equals(goneId)));
                assertThat(attempts.stream().filter(x -> x.webhookId().equals(failingId)).map(DeliveryAttempt::outcome))
                        .containsExactly("retry", "retry", "retry", "failed");
                assertThat(exhausted).filteredOn(r -> r.webhookId().equals(failingId)).singleElement()
                        .satisfies(r -> assertThat(r.attempts()).isEqualTo(4));
                assertThat(exhausted).noneMatch(r -> r.webhookId().equals(goneId));
                assertThat(disabled).filteredOn(x -> x.webhookId().equals(goneId)).singleElement().satisfies(x -> {
                    assertThat(x.cause()).isEqualTo(DisableCause.GONE);
                    assertThat(x.reason()).contains("410");
                });
            } finally {
                a.remove();
                e.remove();
                d.remove();
            }
        }
    }

    @Test
    void switchingAndRotatingTellTheirHooks() {
        List<WebhookDisabled> disabled = new CopyOnWriteArrayList<>();
        List<WebhookInfo> enabled = new CopyOnWriteArrayList<>();
        List<WebhookInfo> rotated = new CopyOnWriteArrayList<>();
        String id = host.createWebhook("switched", "http://127.0.0.1:9/h", "ping").get("id").asText();
        Registration d = hooks.addAction(CoreHooks.WEBHOOK_DISABLED, disabled::add);
        Registration e = hooks.addAction(CoreHooks.WEBHOOK_ENABLED, enabled::add);
        Registration r = hooks.addAction(CoreHooks.WEBHOOK_SECRET_ROTATED, rotated::add);
        try {
            assertThat(host.http().patchJson("/api/v1/webhooks/" + id, "{\"enabled\":false}").status()).isEqualTo(200);
            assertThat(host.http().patchJson("/api/v1/webhooks/" + id, "{\"name\":\"renamed\"}").status()).isEqualTo(200);
            assertThat(host.http().patchJson("/api/v1/webhooks/" + id, "{\"enabled\":true}").status()).isEqualTo(200);
            assertThat(host.http().postJson("/api/v1/webhooks/" + id + "/rotate-secret", "{}").status()).isEqualTo(200);
            assertThat(disabled).containsExactly(new WebhookDisabled(id, DisableCause.ADMIN, null));
            assertThat(enabled).singleElement().satisfies(w -> {
                assertThat(w.id()).isEqualTo(id);
                assertThat(w.name()).isEqualTo("renamed");
                assertThat(w.enabled()).isTrue();
            });
            assertThat(rotated).singleElement().extracting(WebhookInfo::id).isEqualTo(id);
        } finally {
            d.remove();
            e.remove();
            r.remove();
        }
    }
}
