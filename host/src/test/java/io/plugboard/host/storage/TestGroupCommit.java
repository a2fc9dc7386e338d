package io.plugboard.host.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.GroupCommit;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on a real database (SQLite, and PostgreSQL in the PostgreSQL run): writes that wait
 * while a transaction is open share the next one, each caller gets its own result once committed, and
 * a write that fails fails alone.
 */
class TestGroupCommit {

    private static final int WRITERS = 20;

    private Database db;
    private GroupCommit commits;
    private ExecutorService pool;
    /** Each transaction borrows its own pooled connection object: one distinct object per transaction. */
    private final Set<Connection> transactions = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    @BeforeEach
    void open() {
        db = TestDatabases.openDatabase();
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE group_commit_rows (id VARCHAR(40) PRIMARY KEY)"));
        commits = db.groupCommit();
        pool = Executors.newFixedThreadPool(WRITERS + 1);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    @Test
    void writesWaitingForACommitShareTheNextTransactionAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = holdOpen(release);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            ids.add("row-" + i);
        }
        List<CompletableFuture<String>> others = queued(ids);
        assertThat(rows()).as("nothing is committed while the first transaction is open").isZero();

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (int i = 0; i < WRITERS; i++) {
            assertThat(others.get(i).get(10, TimeUnit.SECONDS)).as("each caller's own result").isEqualTo("row-" + i);
        }
        assertThat(rows()).isEqualTo(WRITERS + 1);
        assertThat(transactions).as("the %d queued writes shared one transaction", WRITERS).hasSize(2);
    }

    @Test
    void aFailingWriteFailsAloneAndLeavesNothingBehind() throws Exception {
        write("taken", c -> { });
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = holdOpen(release);
        List<CompletableFuture<String>> writes = queued(List.of("a", "taken", "b"));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(writes.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("a");
        assertThat(writes.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("b");
        assertThatThrownBy(() -> writes.get(1).get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(rows()).as("taken once, first, a, b").isEqualTo(4);
    }

    @Test
    void aWriteFromInsideAnOpenTransactionRunsAtOnceInsteadOfWaitingForALeaderThatWaitsForIt() throws Exception {
        CountDownLatch outerOpen = new CountDownLatch(1);
        AtomicReference<Thread> leader = new AtomicReference<>();
        CompletableFuture<String> nested = CompletableFuture.supplyAsync(() -> db.jdbi().inTransaction(h -> {
            h.createQuery("SELECT COUNT(*) FROM group_commit_rows").mapTo(Long.class).one();
            outerOpen.countDown();
            // A leader now holds the group's lock and (on SQLite) waits for this transaction's write lock.
            Await.until("the other writer leads and waits", () -> leader.get() != null
                    && leader.get().getState() == Thread.State.WAITING);
            return write("nested", c -> { });
        }), pool);
        assertThat(outerOpen.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
            leader.set(Thread.currentThread());
            return write("other", c -> { });
        }, pool);
        assertThat(nested.get(20, TimeUnit.SECONDS)).isEqualTo("nested");
        assertThat(other.get(20, TimeUnit.SECONDS)).isEqualTo("other");
        assertThat(rows()).isEqualTo(2);
    }

    /** @return the write of "first", whose transaction stays open (holding the group's lock) until {@code release} */
    private CompletableFuture<String> holdOpen(CountDownLatch release) throws InterruptedException {
        CountDownLatch inFirst = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> write("first", c -> {
            inFirst.countDown();
            await(release);
        }), pool);
        assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    /** @return writes of {@code ids}, each from its own thread, once every one is queued behind the open one */
    private List<CompletableFuture<String>> queued(List<String> ids) {
        List<Thread> waiters = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<String>> writes = new ArrayList<>();
        for (String id : ids) {
            writes.add(CompletableFuture.supplyAsync(() -> {
                waiters.add(Thread.currentThread());
                return write(id, c -> { });
            }, pool));
        }
        // A writer parks only on the leader's lock, after it has queued its write.
        Await.until("every writer queued behind the open transaction", () -> waiters.size() == ids.size()
                && waiters.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        return writes;
    }

    /** Inserts {@code id} through the group commit; {@code during} runs inside the transaction first. */
    private String write(String id, SqlStep during) {
        try {
            return commits.write(c -> {
                transactions.add(c);
                during.run(c);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO group_commit_rows (id) VALUES (?)")) {
                    insert.setString(1, id);
                    insert.executeUpdate();
                }
                return id;
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM group_commit_rows").mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run(Connection c) throws SQLException;
    }
}
