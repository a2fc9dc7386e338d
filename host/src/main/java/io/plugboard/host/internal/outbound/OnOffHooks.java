package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.DisableCause;
import io.plugboard.sdk.hooks.WebhookDisabled;

/** Tells {@code webhook_enabled} or {@code webhook_disabled} (by an admin) that a webhook was switched. */
final class OnOffHooks {

    private OnOffHooks() {}

    static void switched(HookRunner hooks, Webhook now) {
        if (now.enabled()) {
            if (hooks.has(CoreHooks.WEBHOOK_ENABLED)) {
                hooks.doAction(CoreHooks.WEBHOOK_ENABLED, WebhookService.info(now));
            }
        } else if (hooks.has(CoreHooks.WEBHOOK_DISABLED)) {
            hooks.doAction(CoreHooks.WEBHOOK_DISABLED, new WebhookDisabled(now.id(), DisableCause.ADMIN, null));
        }
    }
}
