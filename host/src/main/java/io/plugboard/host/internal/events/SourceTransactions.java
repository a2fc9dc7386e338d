package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.TransactionException;
import io.plugboard.sdk.TransactionFunction;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The SDK's transactions for one source (a plugin): its own SQL and its emits, written by
 * {@link EventService#emitOn} on the transaction's connection (the path of {@code emitInTransaction}),
 * committed together; only after the commit are the events announced (counted, the dispatcher woken,
 * {@code event_emitted} fired).
 *
 * <p>The transaction is a Jdbi transaction of the host's database, so on SQLite it takes the host's
 * write lock ({@code SerializedWrites}) like every other host write, and waits for it instead of
 * meeting the dispatcher's commits in SQLite's busy handler; on PostgreSQL its connection is in the
 * host's schema. A thread inside such a transaction holds that lock: another write of its own on another
 * connection (a second transaction, a plain emit) could only wait for SQLite's busy timeout, so both
 * are refused at once.
 */
public final class SourceTransactions {

    /** Whether the current thread is inside a plugin transaction. */
    private static final ThreadLocal<Boolean> OPEN = new ThreadLocal<>();

    private final Jdbi jdbi;
    private final EventService events;
    private final ObjectMapper mapper;
    private final String source;

    public SourceTransactions(Jdbi jdbi, EventService events, ObjectMapper mapper, String source) {
        this.jdbi = jdbi;
        this.events = events;
        this.mapper = mapper;
        this.source = source;
    }

    /** @throws IllegalStateException if the calling thread is inside a plugin transaction */
    static void refuseInside(String what) {
        if (OPEN.get() != null) {
            throw new IllegalStateException(what + " is refused inside a plugin transaction: emit through the "
                    + "transaction (tx.emit, tx.emitJson), or after it");
        }
    }

    private static void refuseNested() {
        if (OPEN.get() != null) {
            throw new IllegalStateException("a plugin transaction is already open on this thread: do the work "
                    + "in that one (through its tx), or after it");
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * @throws TransactionException wrapping a checked exception of the work, or a failure to begin or commit
     */
    public <R> R run(TransactionFunction<R> work) {
        refuseNested();
        List<StoredEvent> written = new ArrayList<>();
        Exception[] fromWork = {null};
        R result;
        OPEN.set(Boolean.TRUE);
        try {
            result = jdbi.inTransaction(h -> {
                ConnectionTransaction tx = new ConnectionTransaction(h.getConnection(), events, mapper, source, written);
                try {
                    return work.apply(tx);
                } catch (Exception e) {
                    fromWork[0] = e;
                    throw e;
                } finally {
                    tx.end();
                }
            });
        } catch (Exception e) {
            if (e == fromWork[0] && e instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new TransactionException(e == fromWork[0]
                    ? "the transaction was rolled back: " + e
                    : "the transaction could not be completed: " + e.getMessage(), e);
        } finally {
            OPEN.remove();
        }
        written.forEach(events::announce);
        return result;
    }
}
