package io.plugboard.host.security;

import io.plugboard.host.InternalConfigs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound (SSRF) guard of a host with default settings: private targets are refused. */
class TestTargetGuard {

    /**
     * One default host for the refused-target cases: each case must leave it without a webhook, so a
     * target wrongly accepted fails its own case (and shows in the later ones' count too).
     */
    private static Plugboard strict;
    /** Signed in once: each sign-in checks a password hash, which is slow by design. */
    private static Http strictHttp;

    @BeforeAll
    static void startStrictHost() {
        strict = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()));
        strictHttp = Http.authenticated(strict.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
    }

    @AfterAll
    static void stopStrictHost() {
        if (strict != null) {
            strict.close();
        }
    }

    private static Plugboard start(PlugboardBuilder builder) {
        return start(builder, TestHost.tempDir("data"));
    }

    private static Plugboard start(PlugboardBuilder builder, Path dataDir) {
        return builder.pluginsDir(TestHost.tempDir("plugins")).dataDir(dataDir).port(0)
                .adminUser(TestHost.ADMIN, TestHost.PASSWORD)
                .eventType(EventType.builder("ping").name("Ping").sample("{}").build())
                .build().start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/x", "http://[::1]/", "http://10.0.0.1/",
            "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/",
            "http://0.0.0.0/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
            "http://[fe80::1]/", "http://224.0.0.1/", "http://2130706433/", "http://0x7f000001/",
            "http://0177.0.0.1/", "http://127.1/", "http://192.0.0.8/", "http://198.18.0.1/",
            "http://[64:ff9b::a00:1]/", "http://[2002:a9fe:a9fe::1]/", "http://[::127.0.0.1]/",
            "http://[::ffff:0:127.0.0.1]/", "http://[::ffff:0:a9fe:a9fe]/"})
    void privateAndObfuscatedTargetsAreRefusedAndNothingIsStored(String url) {
        Http http = strictHttp;
        Http.Response r = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "x", "url", url,
                "events", List.of("ping"))));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        // "127.1" is not even a host name to java.net.URI; refused as such.
        assertThat(r.json().get("details").get("url").asText()).matches("url is not allowed: .*|url must name a host.*");
        assertThat(http.get("/api/v1/webhooks").json().get("total").asInt()).isZero();
        assertThat(http.get("/admin/webhooks").body()).doesNotContain("Outbound guard relaxed");
    }

    @Test
    void anAllowedTargetOrRangeIsAcceptedAndTheAdminSaysTheGuardIsRelaxed() throws Exception {
        try (Receiver receiver = new Receiver();
             Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowTarget("127.0.0.0/8"))) {
            Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            Http.Response r = http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "local",
                    "url", receiver.url("/in"), "events", List.of("ping"))));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "x", "url", "http://10.0.0.1/",
                    "events", List.of("ping")))).status()).as("only the allowed range").isEqualTo(400);
            host.events().emit("ping", Map.of());
            assertThat(receiver.next(Duration.ofSeconds(10)).method()).isEqualTo("POST");
            assertThat(http.get("/admin/webhooks").body()).contains("Outbound guard relaxed").contains("127.0.0.0/8");
        }
        try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowTarget("LocalHost"))) {
            assertThat(Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD).postJson("/api/v1/webhooks", Http.json(Map.of("name", "x",
                    "url", "http://localhost:1/", "events", List.of("ping")))).status()).isEqualTo(201);
        }
    }

    @Test
    void deliveriesAreCheckedAgainRightBeforeEachRequest() throws Exception {
        Path dataDir = TestHost.tempDir("data");
        try (Receiver receiver = new Receiver(); Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()), dataDir)) {
            // A webhook stored while the guard allowed it (or before DNS changed): written straight to the database.
            String db = "jdbc:sqlite:" + dataDir.resolve("plugboard.db");
            try (var c = DriverManager.getConnection(db)) {
                c.createStatement().execute("PRAGMA busy_timeout = 10000");
                c.createStatement().execute("INSERT INTO webhooks (id, name, url, secret, created_at, updated_at) VALUES "
                        + "('wh_rebound', 'rebound', '" + receiver.url("/in") + "', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 0, 0)");
                c.createStatement().execute("INSERT INTO webhook_events (webhook_id, event_type, position) "
                        + "VALUES ('wh_rebound', 'ping', 0)");
            }
            host.events().emit("ping", Map.of());
            Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            String error = Await.value("the webhook's last error", () -> http.get("/api/v1/webhooks/wh_rebound").json()
                    .get("last_error"), e -> !e.isNull()).asText();
            assertThat(error).startsWith("not sent: ").contains("loopback");
            assertThat(receiver.all()).as("no request reached the private address").isEmpty();
            Http.Response off = http.patchJson("/api/v1/webhooks/wh_rebound", "{\"enabled\":false}");
            assertThat(off.status()).as("a refused webhook can still be turned off: " + off.body()).isEqualTo(200);
            assertThat(http.patchJson("/api/v1/webhooks/wh_rebound", "{\"url\":\"http://127.0.0.2/\"}").status())
                    .as("but not moved to another private address").isEqualTo(400);
        }
    }

    @Test
    void aWebhookWhoseUrlIsNowRefusedCanBeRenamedAndTurnedOffButNotOn() throws Exception {
        Path dataDir = TestHost.tempDir("data");
        try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()), dataDir)) {
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("plugboard.db"))) {
                c.createStatement().execute("PRAGMA busy_timeout = 10000");
                c.createStatement().execute("INSERT INTO webhooks (id, name, url, secret, enabled, created_at, updated_at) "
                        + "VALUES ('wh_old', 'old', 'http://127.0.0.1:9/in', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', TRUE, 0, 0)");
                c.createStatement().execute("INSERT INTO webhook_events (webhook_id, event_type, position) "
                        + "VALUES ('wh_old', 'ping', 0)");
            }
            Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            Http.Response renamed = http.patchJson("/api/v1/webhooks/wh_old", "{\"name\":\"renamed\"}");
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            Http.Response off = http.patchJson("/api/v1/webhooks/wh_old", "{\"enabled\":false}");
            assertThat(off.status()).as(off.body()).isEqualTo(200);
            Http.Response on = http.patchJson("/api/v1/webhooks/wh_old", "{\"enabled\":true}");
            assertThat(on.status()).as(on.body()).isEqualTo(400);
            assertThat(on.json().get("details").get("url").asText()).startsWith("url is not allowed: ")
                    .endsWith("give the webhook an allowed url before turning it on");
            Http.Response toggled = http.postForm("/admin/webhooks/wh_old/toggle", List.of(Map.entry("enabled", "true")));
            assertThat(toggled.status()).as("the admin's toggle cannot turn it on either").isEqualTo(400);
            assertThat(http.get("/api/v1/webhooks/wh_old").json().get("enabled").asBoolean()).isFalse();
            Http.Response moved = http.patchJson("/api/v1/webhooks/wh_old", "{\"url\":\"http://10.0.0.1/\",\"enabled\":true}");
            assertThat(moved.status()).as("nor can another refused URL").isEqualTo(400);
            Http.Response fixed = http.patchJson("/api/v1/webhooks/wh_old",
                    "{\"url\":\"https://example.com/in\",\"enabled\":true}");
            assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
            assertThat(fixed.json().get("name").asText()).isEqualTo("renamed");
            assertThat(fixed.json().get("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void aHostNameSavedWhileAllowedIsRefusedAtConnectTimeOnceTheGuardIsStrict() throws Exception {
        Path dataDir = TestHost.tempDir("data");
        try (Receiver receiver = new Receiver()) {
            String url = "http://localhost:" + java.net.URI.create(receiver.url("/")).getPort() + "/in";
            try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowTarget("localhost"), dataDir)) {
                Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
                assertThat(http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "local", "url", url,
                        "events", List.of("ping")))).status()).isEqualTo(201);
            }
            try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()), dataDir)) {
                host.events().emit("ping", Map.of());
                Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
                String error = Await.value("the webhook's last error", () -> http.get("/api/v1/webhooks").json()
                        .get("data").get(0).get("last_error"), e -> !e.isNull()).asText();
                assertThat(error).startsWith("not sent: 'localhost' resolves to ").contains("loopback");
                assertThat(receiver.all()).as("no request reached the loopback receiver").isEmpty();
            }
        }
    }

    @Test
    void domainNamesMadeOfHexLettersAreNotMistakenForAddresses() {
        try (Plugboard host = start(InternalConfigs.cheapPasswordHashing(Plugboard.builder()))) {
            Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            for (String url : List.of("https://face.cafe/hook", "https://bad.cafe/x", "https://0xdead.beef.example/x")) {
                assertThat(http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "x", "url", url,
                        "events", List.of("ping")))).status()).as(url).isEqualTo(201);
            }
        }
    }

    @Test
    void aMalformedAllowedRangeIsRefusedAtBuildTime() {
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowTarget("10.0.0.0/99")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> InternalConfigs.cheapPasswordHashing(Plugboard.builder()).allowTarget("10.0.0.0/x")).hasMessageContaining("address range");
    }
}
