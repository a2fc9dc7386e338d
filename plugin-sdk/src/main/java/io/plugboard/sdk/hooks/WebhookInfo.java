package io.plugboard.sdk.hooks;

import java.util.List;

/**
 * The payload of the webhook actions in {@link CoreHooks}: a webhook as it is after the change (as it
 * was, for a deletion). Its secrets are never included.
 *
 * @param id the webhook's id ({@code wh_…})
 * @param name its name
 * @param url where it is sent; null for a webhook to a plugin's destination (see the webhook's {@code destination} in the API)
 * @param events the event keys it subscribes to
 * @param enabled whether it receives deliveries
 */
public record WebhookInfo(String id, String name, String url, List<String> events, boolean enabled) {

    /** Copies the list of events. */
    public WebhookInfo {
        events = List.copyOf(events);
    }
}
