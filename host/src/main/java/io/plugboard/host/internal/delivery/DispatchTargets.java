package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookStore;
import java.util.List;

/**
 * The enabled webhooks the dispatcher works through: read again every {@value #REFRESH_MS} ms, or at
 * the next look after a webhook changed on this instance, so a delivery emitted after the change is
 * sent as changed (other instances see it within the refresh).
 */
final class DispatchTargets {

    static final long REFRESH_MS = 250;

    private final WebhookStore webhooks;
    private List<Webhook> current = List.of();
    private long readAtMs;
    private volatile boolean stale;

    DispatchTargets(WebhookStore webhooks) {
        this.webhooks = webhooks;
    }

    /** A webhook was created, changed or deleted here: read them all at the next look. */
    void changed() {
        stale = true;
    }

    /** @return true when the webhooks were read again just now (read-ahead may be out of date then) */
    boolean refresh() {
        long nowMs = System.nanoTime() / 1_000_000;
        if (!stale && nowMs - readAtMs < REFRESH_MS && !current.isEmpty()) {
            return false;
        }
        // Cleared before the read, so a change committed during it is read on the next look.
        stale = false;
        current = webhooks.enabled();
        readAtMs = nowMs;
        return true;
    }

    List<Webhook> list() {
        return current;
    }
}
