package io.plugboard.host.internal.inspector;

import io.plugboard.host.internal.common.Workers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.Json;
import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.DatabaseSettings;
import io.plugboard.host.testing.SettableClock;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The inspector's store on a real database (SQLite, or PostgreSQL in the PostgreSQL run), with a clock
 * the test moves: expiry, the purge job's lease, the request cap pruned as it records, and the inbox
 * cap held when two databases' worth of writers create at once.
 */
class TestInspectorStore {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void anExpiredInboxIsGoneAtOnceAndItsRowsGoWithTheNextPurgeOnOneInstance() {
        try (Database db = TestDatabases.openDatabase()) {
            Inboxes inboxes = inboxes(db);
            Inbox old = inboxes.create("old");
            record(inboxes, old, "{}");
            clock.advance(Duration.ofHours(12));
            Inbox young = inboxes.create("young");
            clock.advance(Duration.ofHours(12));

            assertThat(inboxes.find(old.id())).as("24 h after its creation").isEmpty();
            assertThat(record(inboxes, old, "{}")).isEmpty();
            assertThat(inboxes.ownInboxId(java.net.URI.create(old.loopbackUrl()))).isEmpty();
            assertThat(inboxes.list()).extracting(Inbox::id).containsExactly(young.id());
            assertThat(count(db, "inspector_inboxes")).as("not purged yet").isEqualTo(2);

            InboxPurge onA = new InboxPurge(inboxes, new JobLeases(db.jdbi(), "ins_a", clock), new Workers(clock));
            InboxPurge onB = new InboxPurge(inboxes, new JobLeases(db.jdbi(), "ins_b", clock), new Workers(clock));
            assertThat(onA.runOnce()).isEqualTo(1);
            assertThat(onB.runOnce()).as("A holds this round").isEqualTo(-1);
            assertThat(count(db, "inspector_inboxes")).isEqualTo(1);
            assertThat(count(db, "inspector_requests")).as("the expired inbox's requests went with it").isZero();

            clock.advance(Duration.ofMinutes(10));
            assertThat(onB.runOnce()).as("the lease expired; B may run the next round").isZero();
        }
    }

    @Test
    void recordingKeepsTheLastFiftyAndCutsLongBodies() {
        try (Database db = TestDatabases.openDatabase()) {
            Inboxes inboxes = inboxes(db);
            Inbox inbox = inboxes.create("capped");
            Inbox other = inboxes.create("other");
            record(inboxes, other, "kept");
            for (int i = 1; i <= 51; i++) {
                assertThat(record(inboxes, inbox, "{\"i\":" + i + "}").orElseThrow().number()).isEqualTo(i);
            }
            List<CapturedRequest> kept = inboxes.requests(inbox);
            assertThat(kept).hasSize(50);
            assertThat(kept.get(0).bodyText()).isEqualTo("{\"i\":51}");
            assertThat(kept.get(49).bodyText()).as("the 51st pushed out the 1st").isEqualTo("{\"i\":2}");
            assertThat(count(db, "inspector_requests")).as("pruned in the database, not only hidden").isEqualTo(51);

            byte[] big = "é".repeat(33 * 1024).getBytes(StandardCharsets.UTF_8);
            CapturedRequest cut = inboxes.record(inbox.id(), "PUT", inbox.path(), null,
                    Map.of("x-many", List.of("a", "b")), big, "203.0.113.9").orElseThrow();
            CapturedRequest read = inboxes.requests(inbox).get(0);
            assertThat(read.truncated()).isTrue();
            assertThat(read.bodyBytes()).isEqualTo(big.length);
            assertThat(read.body()).hasSize(Inboxes.MAX_BODY_BYTES).isEqualTo(cut.body());
            assertThat(read.headers()).containsEntry("x-many", List.of("a", "b"));
            assertThat(read.remoteAddress()).isEqualTo("203.0.113.9");
            assertThat(inboxes.find(inbox.id()).orElseThrow().received()).isEqualTo(52);

            inboxes.clear(inbox);
            assertThat(inboxes.requests(inbox)).isEmpty();
            assertThat(inboxes.requests(other)).hasSize(1);
            assertThat(record(inboxes, inbox, "{}").orElseThrow().number()).as("numbering goes on").isEqualTo(53);
        }
    }

    @Test
    void writersOnTwoConnectionPoolsCannotOpenMoreThanTwentyInboxes() throws Exception {
        Path dataDir = TestHost.tempDir("data");
        String schema = TestDatabases.postgresMode() ? TestDatabases.freshSchema() : null;
        try (Database a = open(schema, dataDir); Database b = open(schema, dataDir)) {
            List<Inboxes> sides = List.of(inboxes(a), inboxes(b));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    Inboxes side = sides.get(i % 2);
                    Callable<Boolean> create = () -> {
                        try {
                            side.create("racer");
                            return true;
                        } catch (ConflictException e) {
                            return false;
                        }
                    };
                    tries.add(pool.submit(create));
                }
                int opened = 0;
                for (Future<Boolean> t : tries) {
                    opened += t.get() ? 1 : 0;
                }
                assertThat(opened).isEqualTo(Inboxes.MAX_INBOXES);
            } finally {
                pool.shutdownNow();
            }
            assertThat(sides.get(1).list()).hasSize(Inboxes.MAX_INBOXES);
            assertThatThrownBy(() -> sides.get(0).create("one more")).isInstanceOf(ConflictException.class)
                    .hasMessage("at most 20 inboxes can be open; delete one first");
            clock.advance(Inboxes.TTL);
            assertThat(sides.get(0).create("after expiry").label()).as("expired inboxes free their places")
                    .isEqualTo("after expiry");
        }
    }

    private Inboxes inboxes(Database db) {
        Inboxes inboxes = new Inboxes(db.jdbi(), Json.newMapper(), clock);
        inboxes.listeningOn("0.0.0.0", 8080);
        return inboxes;
    }

    private static Database open(String schema, Path dataDir) {
        return Database.open(schema == null ? null : new DatabaseSettings(schema, null, null), dataDir);
    }

    private static java.util.Optional<CapturedRequest> record(Inboxes inboxes, Inbox inbox, String body) {
        return inboxes.record(inbox.id(), "POST", inbox.path(), null, Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }

    private static long count(Database db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }


}
