package io.plugboard.host.internal.inspector;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A temporary inbox: the last {@link Inboxes#MAX_REQUESTS} requests it received, newest first, and
 * how many it received in all. Thread-safe; it lives in memory until it expires.
 */
public final class Inbox {

    private final String id;
    private final String label;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final Deque<CapturedRequest> requests = new ArrayDeque<>();
    private int received;

    Inbox(String id, String label, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.label = label;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The path its requests are received at, under this host. */
    public String path() {
        return Inboxes.PATH_PREFIX + id;
    }

    public synchronized int received() {
        return received;
    }

    /** @return the kept requests, newest first */
    public synchronized List<CapturedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized int nextNumber() {
        return ++received;
    }

    synchronized void add(CapturedRequest r) {
        requests.addFirst(r);
        while (requests.size() > Inboxes.MAX_REQUESTS) {
            requests.removeLast();
        }
    }

    public synchronized void clear() {
        requests.clear();
    }
}
