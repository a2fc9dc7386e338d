package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.outbound.PayloadSettings;
import java.util.List;

/**
 * A partial update: null fields stay as they are. The token is changed only when {@code tokenChanged}
 * is set, to {@code token} (null removes it); {@code payload} says what changes in the payload settings.
 */
public record WebhookChanges(String name, String url, List<String> events, Boolean enabled,
                             boolean tokenChanged, String token, PayloadSettings.Changes payload) {

    public WebhookChanges {
        payload = payload == null ? PayloadSettings.Changes.NONE : payload;
    }

    public WebhookChanges(String name, String url, List<String> events, Boolean enabled, boolean tokenChanged,
                          String token) {
        this(name, url, events, enabled, tokenChanged, token, PayloadSettings.Changes.NONE);
    }

    public WebhookSettings applyTo(WebhookSettings current) {
        return new WebhookSettings(
                name != null ? name : current.name(),
                url != null ? url : current.url(),
                events != null ? events : current.events(),
                enabled != null ? enabled : current.enabled(),
                tokenChanged ? token : current.token(),
                payload.applyTo(current.payload()));
    }
}
