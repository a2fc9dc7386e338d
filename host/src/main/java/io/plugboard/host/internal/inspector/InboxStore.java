package io.plugboard.host.internal.inspector;

import io.plugboard.host.internal.common.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The inboxes in {@code inspector_inboxes}. An inbox is open until its expiry; one past it is never
 * returned, and its row goes at the next create or purge. The number of open inboxes is capped by
 * slots: each inbox takes a free one of {@value Inboxes#MAX_INBOXES}, and the slot column is unique,
 * so instances creating at the same moment cannot exceed the cap (the loser looks again).
 */
final class InboxStore {

    /** Each failed attempt means another creator took a slot, so the cap ends the contest soon. */
    private static final int ATTEMPTS = Inboxes.MAX_INBOXES;
    private static final String COLUMNS = "id, label, created_at, expires_at, loopback_url, received";

    private final Jdbi jdbi;
    private final Clock clock;

    InboxStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @throws ConflictException when {@value Inboxes#MAX_INBOXES} inboxes are open */
    Inbox create(String id, String label, String loopbackUrl) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryCreate(id, label, loopbackUrl);
            } catch (UnableToExecuteStatementException e) {
                // Another instance took the same free slot at the same moment: look again.
                if (!(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null
                        || !sql.getSQLState().startsWith("23") || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Inbox tryCreate(String id, String label, String loopbackUrl) {
        Instant now = clock.instant();
        Inbox inbox = new Inbox(id, label, now, now.plus(Inboxes.TTL), loopbackUrl, 0);
        return jdbi.inTransaction(h -> {
            // Written first, so that on SQLite this transaction holds the write lock before it reads.
            h.createUpdate("DELETE FROM inspector_inboxes WHERE expires_at <= :now").bind("now", now.toEpochMilli())
                    .execute();
            Set<Integer> taken = new HashSet<>(h.createQuery("SELECT slot FROM inspector_inboxes")
                    .mapTo(Integer.class).list());
            List<Integer> free = IntStream.range(0, Inboxes.MAX_INBOXES).filter(i -> !taken.contains(i)).boxed().toList();
            if (free.isEmpty()) {
                throw new ConflictException("at most " + Inboxes.MAX_INBOXES + " inboxes can be open; delete one first");
            }
            // A random free slot, so that instances creating at once rarely pick the same one.
            int slot = free.get(ThreadLocalRandom.current().nextInt(free.size()));
            h.createUpdate("INSERT INTO inspector_inboxes (id, slot, label, created_at, expires_at, loopback_url) "
                            + "VALUES (:id, :slot, :label, :created, :expires, :loopback)")
                    .bind("id", id).bind("slot", slot).bind("label", label).bind("loopback", loopbackUrl)
                    .bind("created", inbox.createdAt().toEpochMilli()).bind("expires", inbox.expiresAt().toEpochMilli())
                    .execute();
            return inbox;
        });
    }

    Optional<Inbox> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM inspector_inboxes "
                        + "WHERE id = :id AND expires_at > :now")
                .bind("id", id).bind("now", clock.millis()).map((rs, ctx) -> read(rs)).findOne());
    }

    /** @return the open inboxes, newest first */
    List<Inbox> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM inspector_inboxes "
                        + "WHERE expires_at > :now ORDER BY created_at DESC, id")
                .bind("now", clock.millis()).map((rs, ctx) -> read(rs)).list());
    }

    boolean delete(String id) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM inspector_inboxes WHERE id = :id").bind("id", id)
                .execute()) > 0;
    }

    /** @return how many expired inboxes were removed, with their requests */
    int purgeExpired() {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM inspector_inboxes WHERE expires_at <= :now")
                .bind("now", clock.millis()).execute());
    }

    private static Inbox read(ResultSet rs) throws SQLException {
        return new Inbox(rs.getString("id"), rs.getString("label"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getString("loopback_url"), rs.getInt("received"));
    }
}
