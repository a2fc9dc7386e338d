package io.plugboard.host.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit: writes arriving while a transaction is being committed go into the next one, so many
 * concurrent callers share one commit instead of queueing for the database's single writer one
 * transaction each. Each caller still returns only after its own write is committed (or has failed),
 * with its own result.
 *
 * <p>Whoever holds the lock is the leader: it takes every waiting write (up to {@link #MAX_BATCH}),
 * runs them in one transaction on one connection and hands each its result; the callers it served
 * find their write done when they get the lock. When a shared transaction fails, it is rolled back
 * and each of its writes runs again in a transaction of its own, so one bad write fails only its caller.
 */
public final class GroupCommit {

    /** The most writes one transaction takes; bounds how long the leader holds the write lock. */
    static final int MAX_BATCH = 500;

    /** Work done on the transaction's connection; it must not commit or roll back. */
    @FunctionalInterface
    public interface Write<R> {
        R apply(Connection connection) throws SQLException;
    }

    private final Jdbi jdbi;
    private final BooleanSupplier inTransaction;
    private final ReentrantLock leader = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

    /**
     * @param inTransaction whether the calling thread is already inside one of the database's
     *     transactions (and holds its write lock): its write then runs alone, at once, because a leader
     *     waiting for that lock could never get it
     */
    public GroupCommit(Jdbi jdbi, BooleanSupplier inTransaction) {
        this.jdbi = jdbi;
        this.inTransaction = inTransaction;
    }

    /**
     * Runs {@code write} in a transaction that may be shared with other callers' writes.
     *
     * @return what {@code write} returned, once its transaction is committed
     * @throws SQLException what {@code write} or the commit threw, when its own transaction failed
     */
    public <R> R write(Write<R> write) throws SQLException {
        if (inTransaction.getAsBoolean()) {
            return jdbi.inTransaction(h -> write.apply(h.getConnection()));
        }
        Pending<R> mine = new Pending<>(write);
        waiting.add(mine);
        while (!mine.done) {
            leader.lock();
            try {
                if (!mine.done) {
                    commit(drain());
                }
            } finally {
                leader.unlock();
            }
        }
        return mine.outcome();
    }

    private List<Pending<?>> drain() {
        List<Pending<?>> batch = new ArrayList<>();
        Pending<?> next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void commit(List<Pending<?>> batch) {
        if (batch.size() > 1) {
            try {
                jdbi.useTransaction(h -> {
                    for (Pending<?> p : batch) {
                        p.run(h.getConnection());
                    }
                });
                batch.forEach(Pending::succeed);
                return;
            } catch (Exception shared) {
                // Rolled back: nothing of the batch is stored. Each write runs again in a transaction of its own.
            }
        }
        for (Pending<?> p : batch) {
            try {
                jdbi.useTransaction(h -> p.run(h.getConnection()));
                p.succeed();
            } catch (Exception alone) {
                p.fail(alone);
            }
        }
    }

    /** One caller's write, its result once run, and whether its transaction has ended. */
    private static final class Pending<R> {
        private final Write<R> write;
        private R result;
        private Exception failure;
        // Written by the leader before it unlocks, read by the caller after it locks: the lock orders them;
        // volatile keeps the caller's first unlocked check honest.
        private volatile boolean done;

        Pending(Write<R> write) {
            this.write = write;
        }

        void run(Connection connection) throws SQLException {
            result = write.apply(connection);
        }

        void succeed() {
            done = true;
        }

        void fail(Exception e) {
            failure = e;
            done = true;
        }

        R outcome() throws SQLException {
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure != null) {
                throw new SQLException(failure.getMessage(), failure);
            }
            return result;
        }
    }
}
