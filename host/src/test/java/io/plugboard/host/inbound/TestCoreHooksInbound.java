package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OutboxWriter;
import io.plugboard.host.internal.filters.FilterCache;
import io.plugboard.host.internal.hooks.HookRegistry;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.hooks.OwnedHooks;
import io.plugboard.host.internal.inbound.CreatedKey;
import io.plugboard.host.internal.inbound.InboundDraft;
import io.plugboard.host.internal.inbound.InboundReceiving;
import io.plugboard.host.internal.inbound.InboundRequestLog;
import io.plugboard.host.internal.inbound.InboundResponse;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundStore;
import io.plugboard.host.internal.inbound.ReceiverRegistry;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.secrets.SecretKeys;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.InboundOutcome;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code inbound_accepted} and {@code inbound_refused}, on {@link InboundReceiving} with the receiver of {@link TestInboundReceiving}. */
class TestCoreHooksInbound {

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void acceptedAndRefusedRequestsAreToldWithStatusReasonAndEventIds() throws Exception {
        Path jar = PluginJar.plugin("direct-receiver").source("test.direct.Direct", TestInboundReceiving.RECEIVER)
                .writeTo(TestHost.tempDir("plugins"));
        HookRunner hooks = new HookRunner(new HookRegistry(), Duration.ofSeconds(1));
        OwnedHooks app = new OwnedHooks(hooks, "app", () -> true);
        List<InboundOutcome> accepted = new CopyOnWriteArrayList<>();
        List<InboundOutcome> refused = new CopyOnWriteArrayList<>();
        app.addAction(CoreHooks.INBOUND_ACCEPTED, accepted::add);
        app.addAction(CoreHooks.INBOUND_REFUSED, refused::add);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
             Database db = TestDatabases.openDatabase()) {
            Clock clock = Clock.systemUTC();
            Ids ids = new Ids(clock);
            EventTypeRegistry types = new EventTypeRegistry();
            types.register(new EventTypeCompiler(mapper).compile(EventType.builder("ping").name("Ping").group("Test")
                    .sample("{\"n\":1}").build(), "direct-receiver"));
            EventService events = new EventService(types, db.groupCommit(), new OutboxWriter(ids, new FilterCache(), mapper),
                    e -> { }, mapper, ids, clock, true);
            InboundStore store = new InboundStore(db.jdbi(), mapper,
                    new SealedValues(SecretKeys.load(null, TestHost.tempDir("keys"))), clock);
            InboundRequestLog requests = new InboundRequestLog(db.jdbi());
            ReceiverRegistry receivers = new ReceiverRegistry(plugin -> Optional.of("1.0.0"), r -> { });
            receivers.starting("direct-receiver", loader);
            receivers.started("direct-receiver");
            CreatedKey created = new InboundService(store, requests, receivers, ids, clock)
                    .create(new InboundDraft("Direct", "direct", Map.of(), null));
            InboundReceiving receiving = new InboundReceiving(store, requests, receivers, events, db.jdbi(), mapper, ids,
                    clock, 1024, hooks);
            String id = created.webhook().id();

            InboundResponse ok = post(receiving, created, "{\"n\":1}", Map.of());
            InboundResponse no = post(receiving, created, "{}", Map.of("X-Mode", "reject"));

            assertThat(ok.status()).isEqualTo(202);
            String eventId = mapper.readTree(ok.body()).get("event_ids").get(0).asText();
            assertThat(accepted).containsExactly(new InboundOutcome(id, created.webhook().receiverId(), 202, null,
                    List.of(eventId)));
            assertThat(no.status()).isEqualTo(401);
            assertThat(refused).containsExactly(new InboundOutcome(id, created.webhook().receiverId(), 401,
                    "the signature does not match", List.of()));
        }
    }

    private static InboundResponse post(InboundReceiving receiving, CreatedKey created, String body,
                                        Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return receiving.receive(created.webhook().id(), created.accessKey(), multi, "application/json", bytes.length,
                () -> bytes);
    }
}
