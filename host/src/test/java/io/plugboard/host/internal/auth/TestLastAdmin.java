package io.plugboard.host.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.Dialect;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The last admin cannot be deleted, also when two admins are deleted at the same moment through
 * two connections (two instances on one database). Runs on SQLite, and on PostgreSQL in the
 * PostgreSQL run, where read committed would otherwise let both deletes through.
 */
class TestLastAdmin {

    private static final String PASSWORD = "a long enough password";

    @Test
    void twoAdminsDeletedAtOnceLeaveOne() throws Exception {
        try (Database db = TestDatabases.openDatabase()) {
            AdminUsers first = users(db);
            AdminUsers second = users(db);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 25; round++) {
                    String a = "a" + round;
                    String b = "b" + round;
                    add(db, a);
                    add(db, b);
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<Boolean> deletedA = pool.submit(() -> deleteAfter(start, first, a));
                    Future<Boolean> deletedB = pool.submit(() -> deleteAfter(start, second, b));
                    int deleted = (deletedA.get(30, TimeUnit.SECONDS) ? 1 : 0) + (deletedB.get(30, TimeUnit.SECONDS) ? 1 : 0);
                    assertThat(deleted).as("round %d: exactly one of two racing deletes succeeds", round).isEqualTo(1);
                    List<AdminUsers.Account> left = first.list();
                    assertThat(left).as("round %d", round).hasSize(1);
                    assertThat(first.deleteUnlessLast(left.get(0).username())).as("the survivor is the last").isFalse();
                    db.jdbi().useHandle(h -> h.execute("DELETE FROM admin_users")); // the next round starts empty
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Deterministic on PostgreSQL: another instance is mid-delete (rows locked, not committed). */
    @Test
    void aDeleteWaitsForAnotherInstancesDeleteAndThenRefuses() throws Exception {
        try (Database db = TestDatabases.openDatabase()) {
            assumeTrue(db.dialect() == Dialect.POSTGRESQL, "row locks only matter on PostgreSQL");
            AdminUsers users = users(db);
            users.create("alice", PASSWORD, Role.ADMIN);
            users.create("bob", PASSWORD, Role.ADMIN);
            try (Handle other = db.jdbi().open()) {
                other.begin();
                other.createQuery("SELECT id FROM admin_users ORDER BY id FOR UPDATE").mapTo(String.class).list();
                assertThat(other.execute("DELETE FROM admin_users WHERE username = 'alice' "
                        + "AND (SELECT COUNT(*) FROM admin_users) > 1")).isEqualTo(1);

                int otherPid = other.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one();
                CompletableFuture<Boolean> deleteBob = CompletableFuture.supplyAsync(() -> users.deleteUnlessLast("bob"));
                boolean waited = waitUntilSomeoneWaitsFor(db, otherPid);
                other.commit();

                assertThat(deleteBob.get(30, TimeUnit.SECONDS)).as("bob was the last admin by then").isFalse();
                assertThat(waited).as("the second delete waited for the first's locks").isTrue();
            }
            assertThat(users.list()).extracting(AdminUsers.Account::username).containsExactly("bob");
        }
    }

    /** One Argon2 hash for all the admins the rounds add: hashing 50 passwords took most of this test's time. */
    private static final String HASH = PasswordHashing.cheapForTests().hash(PASSWORD);
    private static final Ids IDS = new Ids(Clock.systemUTC());

    /** Adds an admin as {@code AdminUsers.create} does, with the hash made once. */
    private static void add(Database db, String name) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO admin_users (id, username, password_hash, created_at) "
                + "VALUES (:id, :name, :hash, :at)").bind("id", IDS.next("usr")).bind("name", name).bind("hash", HASH)
                .bind("at", System.currentTimeMillis()).execute());
    }

    private static boolean deleteAfter(CyclicBarrier start, AdminUsers users, String name) throws Exception {
        start.await(30, TimeUnit.SECONDS);
        return users.deleteUnlessLast(name);
    }

    /**
     * Waits until a session is blocked by the one with {@code pid} (not by any lock on the server: other test JVMs
     * use the same database).
     *
     * @return false if none was within 5 s (then the test commits first and fails after)
     */
    private static boolean waitUntilSomeoneWaitsFor(Database db, int pid) {
        try {
            Await.until("a transaction waits on a lock of session " + pid, Duration.ofSeconds(5), () -> db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))")
                    .bind("pid", pid).mapTo(Long.class).one()) > 0);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    private static AdminUsers users(Database db) {
        return new AdminUsers(db.jdbi(), db.dialect(), new Ids(Clock.systemUTC()), Clock.systemUTC(),
                PasswordHashing.cheapForTests());
    }
}
