package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookExecutor;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.DeliveryAttempt;
import io.plugboard.sdk.hooks.DeliveryResult;
import io.plugboard.sdk.hooks.WebhookDisabled;
import java.util.List;

/**
 * Fires the delivery hooks for a batch of attempts just committed, on the hook thread: plugin code
 * never runs on the recorder's thread, so a slow callback cannot hold up recording (and with it the
 * in-flight slots). {@code delivery_attempted} for every attempt, {@code delivery_succeeded} /
 * {@code _failed} (and {@code _exhausted} when retries ran out) for finished deliveries, and
 * {@code webhook_disabled} for webhooks the engine turned off. With no listener, nothing is built.
 */
final class OutcomeHooks {

    /**
     * One recorded attempt.
     *
     * @param status the delivery's new state: pending (a retry is due), succeeded or failed
     * @param gone whether the target said it is gone (then failed does not mean retries ran out)
     */
    record Recorded(Attempt attempt, String status, boolean gone) {}

    private final HookExecutor hooks;

    OutcomeHooks(HookExecutor hooks) {
        this.hooks = hooks;
    }

    /** @return whether any of the hooks listens, so the writer collects what they need (once per batch) */
    boolean listening() {
        return hooks.listens(CoreHooks.DELIVERY_ATTEMPTED) || hooks.listens(CoreHooks.DELIVERY_SUCCEEDED)
                || hooks.listens(CoreHooks.DELIVERY_FAILED) || hooks.listens(CoreHooks.DELIVERY_EXHAUSTED)
                || hooks.listens(CoreHooks.WEBHOOK_DISABLED);
    }

    void committed(List<Recorded> recorded, List<WebhookDisabled> disabled) {
        for (Recorded r : recorded) {
            Attempt a = r.attempt();
            if (hooks.listens(CoreHooks.DELIVERY_ATTEMPTED)) {
                hooks.fireLater(CoreHooks.DELIVERY_ATTEMPTED, new DeliveryAttempt(a.delivery().id(),
                        a.delivery().webhookId(), a.delivery().event().id(), a.delivery().event().type(),
                        a.delivery().attempt(), a.result().responseStatus(), a.result().durationMs(),
                        RetryPolicy.PENDING.equals(r.status()) ? "retry" : r.status(), a.result().error(), a.attemptedAt()));
            }
            if (RetryPolicy.PENDING.equals(r.status())) {
                continue;
            }
            DeliveryResult result = new DeliveryResult(a.delivery().id(), a.delivery().webhookId(),
                    a.delivery().event().id(), a.delivery().event().type(), a.delivery().attempt(),
                    a.result().responseStatus(), a.result().error(), a.attemptedAt());
            boolean succeeded = RetryPolicy.SUCCEEDED.equals(r.status());
            hooks.fireLater(succeeded ? CoreHooks.DELIVERY_SUCCEEDED : CoreHooks.DELIVERY_FAILED, result);
            if (!succeeded && !r.gone() && a.retryable()) {
                hooks.fireLater(CoreHooks.DELIVERY_EXHAUSTED, result);
            }
        }
        disabled.forEach(d -> hooks.fireLater(CoreHooks.WEBHOOK_DISABLED, d));
    }

    /**
     * Announces the operational events a batch wrote, on the hook thread too: announcing fires
     * {@code event_emitted}, whose callbacks must not hold up recording either.
     */
    void announce(OperationalEvents ops, List<StoredEvent> emitted) {
        if (!emitted.isEmpty()) {
            List<StoredEvent> written = List.copyOf(emitted);
            hooks.runLater(() -> ops.announce(written));
        }
    }
}
