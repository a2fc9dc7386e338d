package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.InvalidEventException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestEmbedding {

    @Test
    void appEventsAreValidatedAndStored() throws Exception {
        try (TestHost t = TestHost.start()) {
            String id = t.host().events().emit("order_placed", Map.of("order_id", "o-1", "total", "9.99"));
            assertThat(id).startsWith("evt_");
            String id2 = t.host().events().emitJson("ping", "{\"n\":2}");
            assertThat(id2).isGreaterThan(id);

            assertThatThrownBy(() -> t.host().events().emit("nope", Map.of()))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown event type 'nope'");
            assertThatThrownBy(() -> t.host().events().emit("order_placed", Map.of("order_id", 5)))
                    .isInstanceOf(InvalidEventException.class)
                    .satisfies(e -> assertThat(((InvalidEventException) e).problems())
                            .anySatisfy(p -> assertThat(p).contains("total")));
            assertThatThrownBy(() -> t.host().events().emitJson("ping", "[1]"))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("JSON object");
            assertThatThrownBy(() -> t.host().events().emitJson("ping", "{oops"))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");

            try (Connection db = sqlite(t.dataDir());
                 ResultSet rs = db.createStatement().executeQuery("SELECT id, type, source, data FROM events ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("id")).isEqualTo(id);
                assertThat(rs.getString("source")).isEqualTo("app");
                assertThat(rs.getString("data")).contains("\"order_id\":\"o-1\"");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("id")).isEqualTo(id2);
                assertThat(rs.next()).as("refused events are not stored").isFalse();
            }
        }
    }

    @Test
    void closeReleasesThePortAndTheThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int port;
        try (TestHost t = TestHost.start()) {
            port = t.host().port();
            assertThat(t.http().get("/health").status()).isEqualTo(200);
        }
        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        // Threads told to stop may take a moment to end; the ones that never do stay in the set.
        Set<String> leaked = Await.value("the host's threads ended", () -> Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.isAlive() && !before.contains(th))
                .filter(th -> !th.isDaemon() || th.getName().startsWith("plugboard") || th.getName().contains("qtp"))
                .map(th -> th.getName() + " " + java.util.Arrays.toString(th.getStackTrace()))
                .collect(Collectors.toSet()), Set::isEmpty);
        assertThat(leaked).as("threads left running after close()").isEmpty();
    }

    @Test
    void dataSurvivesARestartOnTheSameDataDir() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        String id;
        try (TestHost first = TestHost.start(plugins, data)) {
            id = first.http().postJson("/api/v1/webhooks",
                    "{\"name\":\"Kept\",\"url\":\"https://example.com/k\",\"events\":[\"ping\"]}").json().get("id").asText();
        }
        try (TestHost second = TestHost.start(plugins, data)) {
            Http.Response r = second.http().get("/api/v1/webhooks/" + id);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("name").asText()).isEqualTo("Kept");
        }
        try (Connection db = sqlite(data);
             ResultSet rs = db.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
        try (Connection db = sqlite(data);
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT COUNT(*), COUNT(DISTINCT version) FROM flyway_schema_history WHERE success = 1")) {
            rs.next();
            assertThat(rs.getInt(1)).as("each migration ran once, none again on restart").isEqualTo(rs.getInt(2))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theRequestSizeLimitIsConfigurable() {
        try (Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d"))
                .port(0).adminUser(TestHost.ADMIN, TestHost.PASSWORD).maxRequestBytes(2048)
                .eventType(EventType.builder("ping").name("Ping").sample("{}").build()).build().start()) {
            Http http = Http.authenticated(host.baseUrl(), TestHost.ADMIN, TestHost.PASSWORD);
            String small = "{\"type\":\"ping\",\"data\":{\"s\":\"" + "x".repeat(1000) + "\"}}";
            String large = "{\"type\":\"ping\",\"data\":{\"s\":\"" + "x".repeat(3000) + "\"}}";
            assertThat(http.postJson("/api/v1/events", small).status()).isEqualTo(202);
            assertThat(http.postJson("/api/v1/events", large).status()).isEqualTo(413);
        }
        assertThatThrownBy(() -> Plugboard.builder().maxRequestBytes(10)).hasMessageContaining("at least 1024");
    }

    @Test
    void lifecycleMisuseIsRefusedClearly() {
        Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d")).port(0).build();
        assertThatThrownBy(host::events).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
        host.start();
        try {
            assertThatThrownBy(host::start).hasMessageContaining("already started");
        } finally {
            host.close();
        }
        host.close();
        assertThatThrownBy(host::start).hasMessageContaining("closed");
        assertThatThrownBy(() -> Plugboard.builder().port(70000)).hasMessageContaining("between 0 and 65535");
    }

    @Test
    void anInvalidAppEventTypeStopsStartupWithTheReasonAndReleasesEverything() throws Exception {
        Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d")).port(0)
                .eventType(EventType.builder("bad").name("Bad").sample("[1,2]").build())
                .build();
        assertThatThrownBy(host::start).hasMessageContaining("bad: the sample payload must be a JSON object");
        host.close();
    }

    @Test
    void anAppTypeCannotBeTakenByAPlugin() {
        Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("p")).dataDir(TestHost.tempDir("d")).port(0)
                .eventType(EventType.builder("dup").name("A").sample("{}").build())
                .eventType(EventType.builder("dup").name("B").sample("{}").build())
                .build();
        assertThatThrownBy(host::start).hasMessageContaining("event type 'dup' from the application was refused");
        host.close();
    }

    private static Connection sqlite(Path dataDir) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("plugboard.db"));
    }
}
