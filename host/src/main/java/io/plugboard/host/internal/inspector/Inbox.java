package io.plugboard.host.internal.inspector;

import java.time.Instant;
import java.util.List;

/**
 * A temporary inbox: the last {@link Inboxes#MAX_REQUESTS} requests it received, newest first, and
 * how many it received in all. What it holds is read from the database, so every instance on it sees
 * the same.
 */
public final class Inbox {

    private final InboxStore store;
    private final InboxStore.Row row;

    Inbox(InboxStore store, InboxStore.Row row) {
        this.store = store;
        this.row = row;
    }

    public String id() {
        return row.id();
    }

    public String label() {
        return row.label();
    }

    public Instant createdAt() {
        return row.createdAt();
    }

    public Instant expiresAt() {
        return row.expiresAt();
    }

    /** The path its requests are received at, under this host. */
    public String path() {
        return Inboxes.PATH_PREFIX + row.id();
    }

    public int received() {
        return store.received(row.id());
    }

    /** @return the kept requests, newest first */
    public List<CapturedRequest> requests() {
        return store.requests(row.id());
    }

    public void clear() {
        store.clear(row.id());
    }
}
