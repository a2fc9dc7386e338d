package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OutboxWriter;
import io.plugboard.host.internal.filters.FilterCache;
import io.plugboard.host.internal.inbound.CreatedKey;
import io.plugboard.host.internal.inbound.InboundDraft;
import io.plugboard.host.internal.inbound.InboundReceiving;
import io.plugboard.host.internal.inbound.InboundRequestLog;
import io.plugboard.host.internal.inbound.InboundResponse;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundStore;
import io.plugboard.host.internal.inbound.InboundWebhook;
import io.plugboard.host.internal.inbound.ReceiverRegistry;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.secrets.SecretKeys;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link InboundReceiving} on its own, without the web server: a real database, a receiver compiled
 * into a plugin jar during the test and loaded by the receiver registry. What each outcome answers, and
 * what it counts, stores and keeps among the recent errors.
 */
class TestInboundReceiving {

    static final String RECEIVER = """
            package test.direct;
            import io.plugboard.sdk.inbound.*;
            import io.plugboard.sdk.settings.*;
            import java.nio.charset.StandardCharsets;
            import java.time.Instant;
            import java.util.List;
            @org.pf4j.Extension
            public class Direct implements Receiver {
                public String id() { return "direct"; }
                public String name() { return "Direct"; }
                public String description() { return "Does what the X-Mode header says."; }
                public List<Setting> settings() { return List.of(); }
                public ReceiveResult parse(InboundRequest request) {
                    String mode = request.header("X-Mode").orElse("events");
                    if (mode.equals("handshake")) {
                        return ReceiveResult.handshake(200, "text/plain", "challenge accepted");
                    }
                    if (mode.equals("reject")) {
                        throw new RejectedRequestException("the signature does not match");
                    }
                    ReceivedEvent e = ReceivedEvent.of(request.header("X-Type").orElse("ping"),
                            new String(request.body(), StandardCharsets.UTF_8));
                    if (request.header("X-Id").isPresent()) {
                        e = e.withExternalId(request.header("X-Id").get());
                    }
                    if (request.header("X-At").isPresent()) {
                        e = e.withOccurredAt(Instant.parse(request.header("X-At").get()));
                    }
                    return ReceiveResult.events(List.of(e));
                }
            }
            """;

    private static Path jar;
    private final ObjectMapper mapper = Json.newMapper();
    private Database db;
    private URLClassLoader pluginLoader;
    private InboundService service;
    private InboundReceiving receiving;
    private CreatedKey created;

    @BeforeAll
    static void compile() {
        jar = PluginJar.plugin("direct-receiver").source("test.direct.Direct", RECEIVER).writeTo(TestHost.tempDir("plugins"));
    }

    @BeforeEach
    void start() throws Exception {
        Path dir = TestHost.tempDir("direct-receiver");
        pluginLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        db = TestDatabases.openDatabase();
        Clock clock = Clock.systemUTC();
        Ids ids = new Ids(clock);
        EventTypeRegistry types = new EventTypeRegistry();
        types.register(new EventTypeCompiler(mapper).compile(EventType.builder("ping").name("Ping").group("Test")
                .sample("{\"n\":1}").build(), "direct-receiver"));
        EventService events = new EventService(types, db.groupCommit(), new OutboxWriter(ids, new FilterCache(), mapper),
                e -> {}, mapper, ids, clock, true);
        InboundStore store = new InboundStore(db.jdbi(), mapper, new SealedValues(SecretKeys.load(null, dir)), clock);
        InboundRequestLog requests = new InboundRequestLog(db.jdbi());
        ReceiverRegistry receivers = new ReceiverRegistry(plugin -> Optional.of("1.0.0"), r -> {});
        receivers.starting("direct-receiver", pluginLoader);
        receivers.started("direct-receiver");
        service = new InboundService(store, requests, receivers, ids, clock);
        receiving = new InboundReceiving(store, requests, receivers, events, db.jdbi(), mapper, ids, clock, 1024);
        created = service.create(new InboundDraft("Direct", "direct", Map.of(), null));
    }

    @AfterEach
    void stop() throws Exception {
        db.close();
        pluginLoader.close();
    }

    @Test
    void emitsTheEventsCountsTheRequestAndAnswersTheirIds() throws Exception {
        InboundResponse r = post("{\"n\":1}", Map.of("X-Id", "msg_1"));

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode ids = mapper.readTree(r.body()).get("event_ids");
        assertThat(ids).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM inbound_events")).isEqualTo(1);
        assertThat(stats()).isEqualTo(List.of(1L, 1L, 0L, 0L));

        InboundResponse retry = post("{\"n\":1}", Map.of("X-Id", "msg_1"));
        assertThat(retry.status()).isEqualTo(202);
        assertThat(mapper.readTree(retry.body()).get("event_ids")).as("the retry gets the first event's id").isEqualTo(ids);
        assertThat(count("SELECT COUNT(*) FROM events")).as("nothing emitted twice").isEqualTo(1);
        assertThat(stats()).as("the retry counts as accepted").isEqualTo(List.of(2L, 2L, 0L, 0L));
    }

    @Test
    void aHandshakeIsAnsweredAsTheReceiverSaysAndCountsAsAccepted() {
        InboundResponse r = post("{}", Map.of("X-Mode", "handshake"));

        assertThat(r).isEqualTo(new InboundResponse(200, "text/plain", "challenge accepted"));
        assertThat(count("SELECT COUNT(*) FROM events")).isZero();
        assertThat(stats()).isEqualTo(List.of(1L, 1L, 0L, 0L));
    }

    @Test
    void dataTheHostRefusesIs400CountedAsAParseErrorAndKeptAmongTheErrors() throws Exception {
        InboundResponse unknown = post("{\"n\":1}", Map.of("X-Type", "pong"));
        InboundResponse outOfRange = post("{\"n\":1}", Map.of("X-At", "+10000-01-01T00:00:00Z"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(mapper.readTree(unknown.body()).get("error").asText()).startsWith("unknown event type 'pong'");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(mapper.readTree(outOfRange.body()).get("error").asText()).contains("is out of range");
        assertThat(count("SELECT COUNT(*) FROM events")).as("nothing stored").isZero();
        assertThat(stats()).isEqualTo(List.of(2L, 0L, 0L, 2L));
        assertThat(service.errors(created.webhook().id(), 10)).extracting(e -> e.status() + " " + e.kind())
                .containsExactly("400 parse_error", "400 parse_error");
    }

    @Test
    void dataThatIsNotJsonIsTheReceiversFailure500() throws Exception {
        InboundResponse r = post("not json", Map.of());

        assertThat(r.status()).isEqualTo(500);
        assertThat(mapper.readTree(r.body()).get("error").asText())
                .isEqualTo("the receiver produced data for 'ping' that is not JSON");
        assertThat(stats()).as("counted as a parse error").isEqualTo(List.of(1L, 0L, 0L, 1L));
        assertThat(service.errors(created.webhook().id(), 10)).extracting(e -> e.status() + " " + e.kind() + " " + e.body())
                .containsExactly("500 failed not json");
    }

    @Test
    void aRejectedRequestAndAWrongKeyAreCountedAsRejected() {
        InboundResponse rejected = post("{}", Map.of("X-Mode", "reject"));
        InboundResponse wrongKey = receiving.receive(created.webhook().id(), "wrong", Map.of(), "application/json", 2,
                () -> "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.body()).contains("the signature does not match");
        assertThat(wrongKey.status()).isEqualTo(404);
        assertThat(stats()).isEqualTo(List.of(2L, 0L, 2L, 0L));
    }

    private InboundResponse post(String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return receiving.receive(created.webhook().id(), created.accessKey(), multi, "application/json", bytes.length,
                () -> bytes);
    }

    /** requests, accepted, rejected, parse errors */
    private List<Long> stats() {
        InboundWebhook.Stats s = service.get(created.webhook().id()).stats();
        return List.of(s.requestsTotal(), s.accepted(), s.rejected(), s.parseErrors());
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
