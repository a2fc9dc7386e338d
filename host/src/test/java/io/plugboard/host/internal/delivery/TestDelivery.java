package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery engine end to end: a real host, real local receivers, a compressed retry schedule. */
class TestDelivery {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestHost host;
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() {
        Receiver r = new Receiver();
        receivers.add(r);
        return r;
    }

    private Http http() {
        return host.http();
    }

    @Test
    void anEmittedEventReachesEverySubscribedEnabledWebhookSigned() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver a = receiver();
        Receiver b = receiver();
        Receiver other = receiver();
        JsonNode wa = host.createWebhook("A", a.url("/a"), "order_placed");
        JsonNode wb = host.createWebhook("B", b.url("/b"), "order_placed", "ping");
        String unsubscribed = host.createWebhook("Other", other.url("/o"), "ping").get("id").asText();
        String off = host.createWebhook("Off", other.url("/off"), "order_placed").get("id").asText();
        http().patchJson("/api/v1/webhooks/" + off, "{\"enabled\":false}");

        String id = host.host().events().emit("order_placed", Map.of("order_id", "o-7", "total", "1.00"));

        Receiver.Request ra = a.next(WAIT);
        Receiver.Request rb = b.next(WAIT);
        for (Receiver.Request r : List.of(ra, rb)) {
            assertThat(r.header("webhook-id")).isEqualTo(id);
            assertThat(Long.parseLong(r.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                    Offset.offset(5L));
            JsonNode envelope = MAPPER.readTree(r.body());
            assertThat(envelope.get("id").asText()).isEqualTo(id);
            assertThat(envelope.get("type").asText()).isEqualTo("order_placed");
            assertThat(envelope.get("data").get("order_id").asText()).isEqualTo("o-7");
        }
        assertThat(ra.signedWith(wa.get("secret").asText())).isTrue();
        assertThat(rb.signedWith(wb.get("secret").asText())).isTrue();
        assertThat(ra.signedWith(wb.get("secret").asText())).as("each webhook has its own secret").isFalse();

        Await.until("1 succeeded delivery", () -> deliveries(wa.get("id").asText(), "succeeded").size() == 1);
        // The event's deliveries are written with it (the outbox): none for these two means none is ever sent.
        assertThat(deliveries(unsubscribed, null)).as("the unsubscribed webhook gets none").isEmpty();
        assertThat(deliveries(off, null)).as("the disabled webhook gets none").isEmpty();
        assertThat(other.all()).isEmpty();
    }

    @Test
    void failuresAreRetriedWithTheSameWebhookIdUntilTheySucceed() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        AtomicInteger calls = new AtomicInteger();
        Receiver r = receiver().script(req -> calls.incrementAndGet() <= 2
                ? new Receiver.Reply(500, "down", Map.of(), 0) : Receiver.Reply.of(204));
        String webhook = host.createWebhook("Flaky", r.url("/f"), "ping").get("id").asText();

        String id = host.host().events().emit("ping", Map.of("n", 1));

        List<Receiver.Request> got = r.awaitCount(3, WAIT);
        assertThat(got).extracting(q -> q.header("webhook-id")).containsOnly(id);
        assertThat(got).extracting(q -> q.bodyText()).as("the same body every time").containsOnly(got.get(0).bodyText());
        Await.until("1 succeeded delivery", () -> deliveries(webhook, "succeeded").size() == 1);
        JsonNode delivery = deliveries(webhook, "succeeded").get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);

        JsonNode detail = http().get("/api/v1/deliveries/" + delivery.get("id").asText()).json();
        assertThat(detail.get("attempts")).hasSize(3);
        assertThat(detail.get("attempts").get(0).get("response_status").asInt()).isEqualTo(500);
        assertThat(detail.get("attempts").get(0).get("response_body").asText()).isEqualTo("down");
        assertThat(detail.get("attempts").get(2).get("success").asBoolean()).isTrue();
        assertThat(detail.get("attempts").get(0).get("request_headers").get("webhook-id").asText()).isEqualTo(id);
        assertThat(detail.get("data").get("n").asInt()).isEqualTo(1);

        JsonNode counts = http().get("/api/v1/webhooks/" + webhook).json();
        assertThat(counts.get("deliveries_ok").asInt()).isEqualTo(1);
        assertThat(counts.get("deliveries_failed").asInt()).isEqualTo(2);
    }

    @Test
    void aDeliveryFailsAfterTheLastScheduledRetry() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver r = receiver().respond(500, "no");
        String webhook = host.createWebhook("Dead", r.url("/d"), "ping").get("id").asText();
        host.host().events().emit("ping", Map.of("n", 1));
        r.awaitCount(4, WAIT);
        Await.until("1 failed delivery", () -> deliveries(webhook, "failed").size() == 1);
        // Failed is final: a failed delivery is never claimed again, so its 4 recorded attempts are all there are.
        assertThat(deliveries(webhook, "failed").get(0).get("attempts").asInt()).isEqualTo(4);
        assertThat(r.all()).as("1 attempt + 3 retries, then no more").hasSize(4);
        assertThat(deliveries(webhook, "failed").get(0).get("last_error").asText()).isEqualTo("HTTP 500");
    }

    @Test
    void goneDisablesTheWebhookWithTheReason() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver r = receiver().respond(410, "");
        String webhook = host.createWebhook("Gone", r.url("/g"), "ping").get("id").asText();
        host.host().events().emit("ping", Map.of("n", 1));
        Await.until("the webhook disabled", () -> !http().get("/api/v1/webhooks/" + webhook).json().get("enabled").asBoolean());
        JsonNode w = http().get("/api/v1/webhooks/" + webhook).json();
        assertThat(w.get("disabled_reason").asText()).contains("410 Gone");
        assertThat(r.all()).hasSize(1);
        assertThat(deliveries(webhook, "failed")).hasSize(1);

        http().patchJson("/api/v1/webhooks/" + webhook, "{\"enabled\":true}");
        assertThat(http().get("/api/v1/webhooks/" + webhook).json().get("disabled_reason").isNull())
                .as("re-enabling clears the reason").isTrue();
    }

    @Test
    void redirectsAreFailuresNotFollowed() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver target = receiver();
        Receiver r = receiver().script(req -> new Receiver.Reply(307, "", Map.of("Location", target.url("/x")), 0));
        String webhook = host.createWebhook("Moved", r.url("/m"), "ping").get("id").asText();
        host.host().events().emit("ping", Map.of("n", 1));
        Await.until("1 failed delivery", () -> deliveries(webhook, "failed").size() == 1);
        assertThat(deliveries(webhook, "failed").get(0).get("last_error").asText()).contains("not followed");
        assertThat(target.all()).isEmpty();
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        AtomicInteger calls = new AtomicInteger();
        Receiver r = receiver().script(req -> calls.incrementAndGet() == 1
                ? new Receiver.Reply(429, "slow down", Map.of("Retry-After", "1"), 0) : Receiver.Reply.of(200));
        host.createWebhook("Busy", r.url("/b"), "ping");
        host.host().events().emit("ping", Map.of("n", 1));
        List<Receiver.Request> got = r.awaitCount(2, WAIT);
        long first = Long.parseLong(got.get(0).header("webhook-timestamp"));
        long second = Long.parseLong(got.get(1).header("webhook-timestamp"));
        assertThat(second - first).as("waited for Retry-After: 1 s, not the 50 ms schedule").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWebhookFailingLongEnoughIsDisabledAndReenablingResetsIt() throws Exception {
        host = TestHost.start(TestHost.FAST.toBuilder().autoDisable(Duration.ofMillis(100), 3).build());
        Receiver r = receiver().respond(500, "");
        String webhook = host.createWebhook("Sick", r.url("/s"), "ping").get("id").asText();
        host.host().events().emit("ping", Map.of("n", 1));
        Await.until("the webhook disabled", () -> !http().get("/api/v1/webhooks/" + webhook).json().get("enabled").asBoolean());
        JsonNode w = http().get("/api/v1/webhooks/" + webhook).json();
        assertThat(w.get("disabled_reason").asText()).startsWith("every attempt failed since").contains("in a row");
        assertThat(w.get("disabled_at").isNull()).isFalse();
    }

    @Test
    void aHangingEndpointDoesNotHoldBackTheOthers() throws Exception {
        host = TestHost.start(TestHost.FAST.toBuilder().maxInFlightPerWebhook(2).build());
        CountDownLatch release = new CountDownLatch(1);
        // The hanging endpoint answers nothing until the end of the test: no clock is involved, so a
        // slow machine cannot make this pass or fail by timing.
        Receiver hanging = receiver().script(req -> {
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Receiver.Reply.of(200);
        });
        Receiver healthy = receiver();
        host.createWebhook("Hanging", hanging.url("/h"), "ping");
        host.createWebhook("Healthy", healthy.url("/ok"), "ping");
        for (int i = 0; i < 20; i++) {
            host.host().events().emit("ping", Map.of("n", i));
        }
        try {
            healthy.awaitCount(20, WAIT);
            assertThat(release.getCount()).as("all 20 reached the healthy endpoint while the other still hung").isOne();
            assertThat(hanging.all().size()).as("at most 2 requests in flight to the hanging one").isLessThanOrEqualTo(2);
        } finally {
            release.countDown();
        }
    }

    @Test
    void rotatedSecretsSignAlongsideTheNewOneDuringTheOverlap() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver r = receiver();
        JsonNode w = host.createWebhook("Rotating", r.url("/r"), "ping");
        String old = w.get("secret").asText();
        JsonNode rotated = http().postJson("/api/v1/webhooks/" + w.get("id").asText() + "/rotate-secret", "").json();
        String fresh = rotated.get("secret").asText();
        assertThat(fresh).isNotEqualTo(old).startsWith("whsec_");
        assertThat(Instant.parse(rotated.get("previous_secret_expires_at").asText()))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        host.host().events().emit("ping", Map.of("n", 1));
        Receiver.Request req = r.next(WAIT);
        assertThat(req.header("webhook-signature").split(" ")).hasSize(2);

        Http.Response viaAdmin = http().postForm("/admin/webhooks/" + w.get("id").asText() + "/rotate-secret", List.of());
        assertThat(viaAdmin.status()).isEqualTo(302);
        assertThat(http().get("/api/v1/webhooks/" + w.get("id").asText()).json().get("secret").asText())
                .isNotEqualTo(fresh);
        assertThat(req.signedWith(fresh)).isTrue();
        assertThat(req.signedWith(old)).isTrue();
    }

    @Test
    void aChangedUrlOrSecretTakesEffectForTheNextEmitAtOnce() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver a = receiver();
        Receiver b = receiver();
        JsonNode w = host.createWebhook("Moving", a.url("/a"), "ping");
        String path = "/api/v1/webhooks/" + w.get("id").asText();
        host.host().events().emit("ping", Map.of("n", 0));
        a.next(WAIT);
        // The dispatcher re-reads webhooks every 250 ms anyway; each change below is followed by an
        // emit well within that, so only being told of the change sends each event to the new URL.
        for (int n = 1; n <= 6; n++) {
            Receiver to = n % 2 == 1 ? b : a;
            assertThat(http().patchJson(path, "{\"url\":\"" + to.url(n % 2 == 1 ? "/b" : "/a") + "\"}").status())
                    .isEqualTo(200);
            String id = host.host().events().emit("ping", Map.of("n", n));
            assertThat(to.next(WAIT).header("webhook-id")).as("event %d goes to the URL set just before", n).isEqualTo(id);
        }
        String rotated = http().postJson(path + "/rotate-secret", "").json().get("secret").asText();
        host.host().events().emit("ping", Map.of("n", 7));
        Receiver.Request signed = a.next(WAIT);
        assertThat(signed.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(signed.signedWith(rotated)).isTrue();
        assertThat(a.all().size() + b.all().size()).isEqualTo(8);
    }

    @Test
    void redeliverAndRecoverQueueTheEventAgainWithTheSameWebhookId() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        AtomicInteger mode = new AtomicInteger(500);
        Receiver r = receiver().script(req -> Receiver.Reply.of(mode.get()));
        String webhook = host.createWebhook("Later", r.url("/l"), "ping").get("id").asText();
        String id = host.host().events().emit("ping", Map.of("n", 1));
        Await.until("1 failed delivery", () -> deliveries(webhook, "failed").size() == 1);
        String failed = deliveries(webhook, "failed").get(0).get("id").asText();

        mode.set(200);
        Http.Response redo = http().postJson("/api/v1/deliveries/" + failed + "/redeliver", "");
        assertThat(redo.status()).isEqualTo(202);
        Await.until("1 succeeded delivery", () -> deliveries(webhook, "succeeded").size() == 1);
        assertThat(r.all().get(r.all().size() - 1).header("webhook-id")).isEqualTo(id);

        Http.Response recovered = http().postJson("/api/v1/webhooks/" + webhook + "/recover",
                "{\"since\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertThat(recovered.json().get("queued").asInt()).isEqualTo(1);
        Await.until("2 succeeded deliveries", () -> deliveries(webhook, "succeeded").size() == 2);

        assertThat(http().postJson("/api/v1/deliveries/dlv_nope/redeliver", "").status()).isEqualTo(404);
        assertThat(http().postJson("/api/v1/webhooks/" + webhook + "/recover", "{\"since\":\"yesterday\"}").status())
                .isEqualTo(400);
    }

    @Test
    void theDeliveryLogPagesNewestFirstAndFilters() throws Exception {
        host = TestHost.start(TestHost.tempDir("plugins"));
        Receiver r = receiver();
        String webhook = host.createWebhook("Log", r.url("/log"), "ping").get("id").asText();
        for (int i = 0; i < 7; i++) {
            host.host().events().emit("ping", Map.of("n", i));
        }
        Await.until("7 succeeded deliveries", () -> deliveries(webhook, "succeeded").size() == 7);
        JsonNode first = http().get("/api/v1/webhooks/" + webhook + "/deliveries?limit=3").json();
        assertThat(first.get("total").asInt()).isEqualTo(7);
        assertThat(first.get("data")).hasSize(3);
        String last = first.get("data").get(2).get("id").asText();
        JsonNode second = http().get("/api/v1/webhooks/" + webhook + "/deliveries?limit=3&before=" + last).json();
        assertThat(second.get("data").get(0).get("created_at").asText())
                .isLessThanOrEqualTo(first.get("data").get(2).get("created_at").asText());
        assertThat(second.get("data").get(0).get("id").asText()).isNotEqualTo(last);
        assertThat(http().get("/api/v1/webhooks/" + webhook + "/deliveries?status=bogus").status()).isEqualTo(400);

        JsonNode stats = http().get("/api/v1/webhooks/" + webhook + "/stats").json();
        assertThat(stats.get("deliveries_ok").asInt()).isEqualTo(7);
        assertThat(stats.get("days")).hasSize(14);
        assertThat(stats.get("days").get(13).get("ok").asInt()).isEqualTo(7);

        String metrics = http().get("/metrics").body();
        assertThat(metrics).contains("plugboard_events_emitted_total{type=\"ping\"} 7.0")
                .contains("plugboard_delivery_attempts_total").contains("plugboard_queue_depth");

        Http.Response page = http().get("/admin/webhooks/" + webhook + "/deliveries");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("succeeded").contains("Redeliver");
        String detail = first.get("data").get(0).get("id").asText();
        assertThat(http().get("/admin/deliveries/" + detail).body()).contains("Attempt 1").contains("HTTP 200");
    }

    private List<JsonNode> deliveries(String webhookId, String status) {
        String query = status == null ? "?limit=500" : "?status=" + status + "&limit=500";
        JsonNode page = http().get("/api/v1/webhooks/" + webhookId + "/deliveries" + query).json();
        List<JsonNode> out = new ArrayList<>();
        page.get("data").forEach(out::add);
        return out;
    }
}
