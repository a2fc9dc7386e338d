package io.plugboard.host.internal.inspector;

import java.time.Instant;

/**
 * A temporary inbox, as stored: every instance on the database serves it. Its requests are read with
 * {@link Inboxes#requests(Inbox)}.
 *
 * @param loopbackUrl the URL webhooks of this host deliver to it at (given by the instance that created
 *     it; every instance delivers exactly this URL in-process)
 * @param received how many requests it received in all (more than it keeps)
 */
public record Inbox(String id, String label, Instant createdAt, Instant expiresAt, String loopbackUrl, int received) {

    /** The path its requests are received at, under any instance of this host. */
    public String path() {
        return Inboxes.PATH_PREFIX + id;
    }
}
