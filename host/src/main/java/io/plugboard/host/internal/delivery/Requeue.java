package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.Ids;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The one way a delivery is queued again (Redeliver, recover, bulk replay): a new pending delivery of
 * the same event to the same webhook, due now, naming the one it replays ({@code replay_of}). Receivers
 * see the same {@code webhook-id}, so they can tell it is the same event.
 */
final class Requeue {

    private final Ids ids;

    Requeue(Ids ids) {
        this.ids = ids;
    }

    /**
     * Writes the replays on the caller's transaction.
     *
     * @return the new deliveries' ids, in the order of {@code sources}; null where no delivery has the source's id
     */
    List<String> write(Handle h, List<String> sources, Instant now) {
        PreparedBatch insert = h.prepareBatch("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, "
                + "next_attempt_at, created_at, updated_at, replay_of) SELECT :id, event_id, webhook_id, 'pending', 0, "
                + ":now, :now, :now, id FROM deliveries WHERE id = :source");
        List<String> made = new java.util.ArrayList<>(sources.size());
        for (String source : sources) {
            String id = ids.next("dlv");
            made.add(id);
            insert.bind("id", id).bind("now", now.toEpochMilli()).bind("source", source).add();
        }
        if (sources.isEmpty()) {
            return made;
        }
        int[] rows = insert.execute();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0) {
                made.set(i, null);
            }
        }
        return made;
    }
}
