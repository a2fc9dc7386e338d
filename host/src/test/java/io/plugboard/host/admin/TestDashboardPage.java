package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHostExtension;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard ({@code /admin}) and a webhook's activity page over HTTP: after real deliveries to a
 * real receiver, the charts' descriptions, the summary, the table, the webhooks failing most and the
 * events per type say the numbers; a range that does not exist is a 400 saying which do.
 */
class TestDashboardPage {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh()
            .receiver(r -> r.script(req -> Receiver.Reply.of(req.path().startsWith("/bad") ? 500 : 204)));

    @Test
    void theDashboardSaysWhatWasDeliveredAndWhatFailed() {
        String good = host.createWebhook("Good <one>", host.receiver().url("/good"), "ping").get("id").asText();
        String bad = host.createWebhook("Bad & broken", host.receiver().url("/bad"), "ping").get("id").asText();
        for (int i = 0; i < 3; i++) {
            host.host().events().emit("ping", Map.of("n", i));
        }
        // 3 good attempts; 3 bad deliveries of 4 attempts each (TestHost.FAST: 3 retries), the last failing for good.
        String page = Await.value("the attempts and the emits counted", WAIT, () -> text(get("/admin")),
                t -> t.contains("3 succeeded, 9 failed and retried, 3 failed for good") && t.contains("ping 3"));

        assertThat(page)
                .contains("Deliveries per minute")
                .contains("Attempts 15 Succeeded 3 Retried 9 Failed 3")
                .contains("Queued 0 (0 due) Oldest due waited none due")
                .containsPattern("Latency per minute from .* UTC: p50 [0-9.]+ m?s and p95 [0-9.]+ m?s over the whole range")
                .contains("Webhook Failed attempts Bad & broken 12 Events emitted per type")
                .containsPattern("Event type Emitted .*ping 3"); // the host's own delivery_failed and webhook_failing too
        String html = get("/admin");
        assertThat(html).as("the failing webhook links to its log, its name escaped")
                .contains("href=\"/admin/webhooks/" + bad + "/deliveries\" aria-label=\"Deliveries of Bad &amp; broken\"");
        assertThat(desc(html, "deliveries-desc")).startsWith("Attempts per minute from ");

        String week = text(get("/admin?range=week"));
        assertThat(week).contains("Deliveries per 2 hours").contains("3 succeeded, 9 failed and retried, 3 failed for good");

        String one = text(get("/admin/webhooks/" + good + "/activity?range=day"));
        assertThat(one).contains("Activity of Good <one>").contains("Deliveries per hour")
                .contains("Attempts 3 Succeeded 3 Retried 0 Failed 0")
                .doesNotContain("Webhooks with most failures");
    }

    @Test
    void aRangeThatDoesNotExistIsRefusedWithTheOnesThatDo() {
        Http.Response r = host.http().get("/admin?range=year");

        assertThat(r.status()).isEqualTo(400);
        assertThat(text(r.body())).contains("range must be one of hour, day, week");
    }

    @Test
    void anEmptyHistorySaysSo() {
        String page = text(get("/admin?range=day"));

        assertThat(page).contains("No attempts from").contains("No failed attempt in this range.")
                .contains("No event emitted in this range.");
    }

    private String get(String path) {
        Http.Response r = host.http().get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** The page's text as a reader gets it: tags gone, entities read, spaces collapsed. */
    private static String text(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]+>", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }

    private static String desc(String html, String id) {
        Matcher m = Pattern.compile("<desc id=\"" + id + "\">([^<]*)</desc>").matcher(html);
        assertThat(m.find()).as("the chart's description " + id).isTrue();
        return m.group(1);
    }
}
