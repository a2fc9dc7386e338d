package io.plugboard.host.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.ApiCall;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.EmittedEvent;
import io.plugboard.sdk.hooks.HostInfo;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.hooks.RefusedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event, API and host hooks, through the application's {@code plugboard.hooks()}. */
class TestCoreHooksEvents {

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
    void eventToStoreChangesTheDataAndEventStoredHearsTheResult() throws SQLException {
        List<EmittedEvent> stored = new CopyOnWriteArrayList<>();
        Registration filter = hooks.addFilter(CoreHooks.EVENT_TO_STORE, e -> e.data().contains("\"mark\":\"change\"")
                ? e.withData(e.data().replace("}", ",\"added\":true}")) : e);
        Registration heard = hooks.addAction(CoreHooks.EVENT_STORED, stored::add);
        try {
            Http.Response r = host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"mark\":\"change\"}}");
            assertThat(r.status()).isEqualTo(202);
            assertThat(stored).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(r.json().get("id").asText());
                assertThat(e.data()).isEqualTo("{\"mark\":\"change\",\"added\":true}");
                assertThat(e.source()).isEqualTo("api");
            });
            assertThat(storedData(r.json().get("id").asText())).isEqualTo("{\"mark\":\"change\",\"added\":true}");
        } finally {
            filter.remove();
            heard.remove();
        }
    }

    private static String storedData(String eventId) throws SQLException {
        try (Connection c = host.connection();
             PreparedStatement q = c.prepareStatement("SELECT data FROM events WHERE id = ?")) {
            q.setString(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aVetoRefusesTheEmitWithItsReasonAndEventRefusedHearsIt() {
        List<RefusedEvent> refused = new CopyOnWriteArrayList<>();
        List<EmittedEvent> stored = new CopyOnWriteArrayList<>();
        Registration filter = hooks.addFilter(CoreHooks.EVENT_TO_STORE, e -> e.data().contains("\"mark\":\"veto\"")
                ? e.veto("vetoed by the test") : e);
        Registration heard = hooks.addAction(CoreHooks.EVENT_REFUSED, refused::add);
        Registration kept = hooks.addAction(CoreHooks.EVENT_STORED, stored::add);
        try {
            Http.Response r = host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"mark\":\"veto\"}}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("vetoed by the test");
            assertThatThrownBy(() -> host.host().events().emit("ping", Map.of("mark", "veto")))
                    .isInstanceOf(InvalidEventException.class).hasMessage("vetoed by the test");
            assertThat(refused).extracting(RefusedEvent::source).containsExactly("api", "app");
            assertThat(refused).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo("ping");
                assertThat(e.reason()).isEqualTo("vetoed by the test");
            });
            assertThat(stored).isEmpty();
        } finally {
            filter.remove();
            heard.remove();
            kept.remove();
        }
    }

    @Test
    void aFilterThatMakesTheDataNotAnObjectIsIgnored() {
        List<EmittedEvent> stored = new CopyOnWriteArrayList<>();
        Registration filter = hooks.addFilter(CoreHooks.EVENT_TO_STORE, e -> e.data().contains("\"mark\":\"broken\"")
                ? e.withData("[1,2]") : e);
        Registration heard = hooks.addAction(CoreHooks.EVENT_STORED, stored::add);
        try {
            host.host().events().emit("ping", Map.of("mark", "broken"));
            assertThat(stored).singleElement().extracting(EmittedEvent::data).isEqualTo("{\"mark\":\"broken\"}");
        } finally {
            filter.remove();
            heard.remove();
        }
    }

    @Test
    void apiRequestTellsMethodPathCallerStatusAndDuration() {
        List<ApiCall> calls = new CopyOnWriteArrayList<>();
        Registration heard = hooks.addAction(CoreHooks.API_REQUEST, calls::add);
        try {
            assertThat(host.http().get("/api/v1/webhooks?limit=1").status()).isEqualTo(200);
            assertThat(new Http(host.host().baseUrl()).get("/api/v1/webhooks").status()).isEqualTo(401);
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0)).satisfies(c -> {
                assertThat(c.method()).isEqualTo("GET");
                assertThat(c.path()).isEqualTo("/api/v1/webhooks");
                assertThat(c.callerKind()).isEqualTo("token");
                assertThat(c.status()).isEqualTo(200);
                assertThat(c.durationMillis()).isNotNegative();
            });
            assertThat(calls.get(1).callerKind()).isEqualTo("anonymous");
            assertThat(calls.get(1).status()).isEqualTo(401);
        } finally {
            heard.remove();
        }
    }

    @Test
    void hostStoppingIsToldOnceWhileTheHostStillRuns() {
        List<HostInfo> told = new CopyOnWriteArrayList<>();
        TestHost other = TestHost.start();
        other.host().hooks().addAction(CoreHooks.HOST_STOPPING, told::add);
        other.close();
        other.close();
        assertThat(told).singleElement().satisfies(h -> {
            assertThat(h.instanceId()).isNotBlank();
            assertThat(h.version()).isNotBlank();
        });
    }
}
