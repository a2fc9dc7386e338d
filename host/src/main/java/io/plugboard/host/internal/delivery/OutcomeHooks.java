package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.hooks.HookExecutor;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.DeliveryResult;
import java.util.List;

/**
 * Fires {@link CoreHooks#DELIVERY_SUCCEEDED} and {@link CoreHooks#DELIVERY_FAILED} for deliveries
 * whose outcome was just committed, on the hook thread: plugin code never runs on the recorder's
 * thread, so a slow callback cannot hold up recording (and with it the in-flight slots).
 */
final class OutcomeHooks {

    /** A delivery that reached {@code succeeded} or {@code failed}. */
    record Finished(Attempt attempt, String status) {}

    private final HookExecutor hooks;

    OutcomeHooks(HookExecutor hooks) {
        this.hooks = hooks;
    }

    void committed(List<Finished> finished) {
        if (!hooks.listens(CoreHooks.DELIVERY_SUCCEEDED) && !hooks.listens(CoreHooks.DELIVERY_FAILED)) {
            return;
        }
        for (Finished f : finished) {
            Attempt a = f.attempt();
            DeliveryResult result = new DeliveryResult(a.delivery().id(), a.delivery().webhookId(),
                    a.delivery().event().id(), a.delivery().event().type(), a.delivery().attempt(),
                    a.result().responseStatus(), a.result().error(), a.attemptedAt());
            hooks.fireLater(RetryPolicy.SUCCEEDED.equals(f.status())
                    ? CoreHooks.DELIVERY_SUCCEEDED : CoreHooks.DELIVERY_FAILED, result);
        }
    }
}
