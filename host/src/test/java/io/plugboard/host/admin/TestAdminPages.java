package io.plugboard.host.admin;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestAdminPages {
    @Test
    void probe() throws Exception {
        try (TestHost host = TestHost.start(); Receiver rec = new Receiver()) {
            Http http = host.http();
            System.out.println("EMPTY:\n" + http.get("/admin/webhooks").body());
            var r = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "<script>alert(1)</script>",
                    "url", "https://example.com/?a=1&c='d'", "events", List.of("order_placed"))));
            System.out.println("API: " + r.status() + " " + r.body());
            String id = r.json().get("id").asText();
            var c = http.postForm("/admin/webhooks", List.of(Map.entry("name", "Recv"), Map.entry("url", rec.url("/h")),
                    Map.entry("events", "ping"), Map.entry("enabled", "on")));
            System.out.println("CREATE: " + c.status() + " " + c.headers().map());
            System.out.println("LIST:\n" + http.get("/admin/webhooks").body());
            System.out.println("EDIT:\n" + http.get("/admin/webhooks/" + id + "/edit").body());
            System.out.println("EVENTS:\n" + http.get("/admin/events").body());
            var t = http.postForm("/admin/webhooks/" + id + "/test", List.of());
            System.out.println("TEST: " + t.status() + " " + t.headers().map());
            System.out.println("TESTED:\n" + http.get(t.header("Location").replace("#test-result", "")).body());
            var e = http.postForm("/admin/events/order_placed/test", List.of());
            System.out.println("EVTEST: " + e.status() + " " + e.headers().map() + "\n" + e.body());
            var n = http.get("/admin/webhooks/nope/edit");
            System.out.println("404: " + n.status() + " " + n.headers().map() + "\n" + n.body());
            var p = http.get("/admin/plugins");
            System.out.println("PLUGINS: " + p.status() + " " + p.headers().map() + "\n" + p.body());
            var a = http.get("/admin");
            System.out.println("ADMIN: " + a.status() + " " + a.headers().map());
        }
    }
}
