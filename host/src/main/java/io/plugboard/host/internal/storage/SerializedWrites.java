package io.plugboard.host.internal.storage;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Lets one transaction at a time into SQLite, queued on a Java lock. SQLite allows a single writer
 * anyway, and its own busy handler waits by sleeping for whole milliseconds, which would show up as
 * emit latency whenever an emit meets the delivery writer's commit.
 */
final class SerializedWrites implements TransactionHandler {

    private final TransactionHandler delegate;
    private final ReentrantLock lock;

    SerializedWrites(TransactionHandler delegate, ReentrantLock lock) {
        this.delegate = delegate;
        this.lock = lock;
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new SerializedWrites(delegate.specialize(handle), lock);
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        lock.lock();
        try {
            return delegate.inTransaction(handle, callback);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        lock.lock();
        try {
            return delegate.inTransaction(handle, level, callback);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void begin(Handle handle) {
        delegate.begin(handle);
    }

    @Override
    public void commit(Handle handle) {
        delegate.commit(handle);
    }

    @Override
    public void rollback(Handle handle) {
        delegate.rollback(handle);
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return delegate.isInTransaction(handle);
    }

    @Override
    public void savepoint(Handle handle, String name) {
        delegate.savepoint(handle, name);
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        delegate.rollbackToSavepoint(handle, name);
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        delegate.releaseSavepoint(handle, name);
    }
}
