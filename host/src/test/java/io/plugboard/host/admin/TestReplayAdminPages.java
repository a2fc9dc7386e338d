package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Replay these…" without JavaScript: the filtered deliveries page links to the count, the count page
 * shows how many would be queued (nothing queued yet), the confirm form (CSRF) queues them and leads to
 * the progress page; a bad filter is a 400 page saying what to fix.
 */
class TestReplayAdminPages {

    @Test
    void countFirstThenConfirmThenProgress() throws Exception {
        try (TestHost host = TestHost.start(); Receiver down = new Receiver().respond(500, "down")) {
            String id = host.createWebhook("Down", down.url("/d"), "ping").get("id").asText();
            host.host().events().emit("ping", Map.of("n", 1));
            host.host().events().emit("ping", Map.of("n", 2));
            Http admin = new Http(host.host().baseUrl());
            admin.login(TestHost.ADMIN, TestHost.PASSWORD);
            Await.until("both deliveries failed", Duration.ofSeconds(30), () -> host.http().get("/api/v1/webhooks/" + id
                    + "/deliveries?status=failed").body().contains("\"total\":2"));

            // Handlebars escapes '=' and '&' in the attribute; a browser reads them back.
            String list = admin.get("/admin/webhooks/" + id + "/deliveries?status=failed").body()
                    .replace("&#x3D;", "=").replace("&amp;", "&");
            String link = "href=\"/admin/deliveries/replay?status=failed&webhook=" + id + "\"";
            assertThat(list).contains("Replay these…").contains(link);

            Http.Response count = admin.get("/admin/deliveries/replay?status=failed&webhook=" + id);
            assertThat(count.status()).isEqualTo(200);
            assertThat(count.body()).contains("2 deliveries would be queued again").contains("name=\"_csrf\"");
            assertThat(host.http().get("/api/v1/webhooks/" + id + "/deliveries").body()).as("nothing queued yet")
                    .contains("\"total\":2");

            down.respond(200, "ok");
            int before = down.all().size();
            Http.Response queued = admin.postForm("/admin/deliveries/replay", List.of(Map.entry("_csrf", admin.csrfToken()),
                    Map.entry("webhook", id), Map.entry("status", "failed")));
            assertThat(queued.status()).isEqualTo(302);
            String progress = queued.header("Location");
            assertThat(progress).startsWith("/admin/deliveries/replay/rpl_");
            assertThat(admin.get(progress).body()).contains("completed").contains("2 of 2 deliveries queued again");
            down.awaitCount(before + 2, Duration.ofSeconds(30));

            Http.Response bad = admin.get("/admin/deliveries/replay?status=failed&response_status=abc");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("response_status must be an HTTP status such as 404");
            Http.Response noCsrf = admin.postForm("/admin/deliveries/replay", List.of(Map.entry("_csrf", "forged"),
                    Map.entry("status", "failed")));
            assertThat(noCsrf.status()).isEqualTo(403);
        }
    }
}
