package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.settings.DeclaredSettings;
import java.util.List;

/**
 * A partial update: null fields stay as they are. The token is changed only when {@code tokenChanged}
 * is set, to {@code token} (null removes it); {@code payload} says what changes in the payload settings;
 * the rate limit changes only when {@code rateLimitChanged} is set (null: back to the host's default).
 */
public record WebhookChanges(String name, String url, List<String> events, Boolean enabled,
                             boolean tokenChanged, String token, PayloadSettings.Changes payload,
                             WebhookDestination destination, boolean rateLimitChanged, Double rateLimit,
                             EndpointAccess.Changes access) {

    public WebhookChanges {
        payload = payload == null ? PayloadSettings.Changes.NONE : payload;
        access = access == null ? EndpointAccess.Changes.NONE : access;
    }

    public WebhookChanges(String name, String url, List<String> events, Boolean enabled, boolean tokenChanged,
                          String token, PayloadSettings.Changes payload, WebhookDestination destination) {
        this(name, url, events, enabled, tokenChanged, token, payload, destination, false, null, null);
    }

    public WebhookChanges(String name, String url, List<String> events, Boolean enabled, boolean tokenChanged,
                          String token, PayloadSettings.Changes payload) {
        this(name, url, events, enabled, tokenChanged, token, payload, null);
    }

    public WebhookChanges(String name, String url, List<String> events, Boolean enabled, boolean tokenChanged,
                          String token) {
        this(name, url, events, enabled, tokenChanged, token, PayloadSettings.Changes.NONE, null);
    }

    public WebhookSettings applyTo(WebhookSettings current) {
        return new WebhookSettings(
                name != null ? name : current.name(),
                url != null ? url : destination != null && !destination.isHttp() ? null : current.url(),
                events != null ? events : current.events(),
                enabled != null ? enabled : current.enabled(),
                tokenChanged ? token : current.token(),
                payload.applyTo(current.payload()),
                destination(current.destination()),
                rateLimitChanged ? rateLimit : current.rateLimit(), access.applyTo(current.access()));
    }

    /**
     * A destination given replaces the current one; for the same type, settings sent as the mask keep their
     * value. Moving to another destination drops the url (an HTTP webhook's target) unless one is given.
     */
    private WebhookDestination destination(WebhookDestination current) {
        if (destination == null) {
            return current;
        }
        if (!destination.type().equals(current.type())) {
            return destination;
        }
        return new WebhookDestination(destination.type(), DeclaredSettings.keepMasked(current.settings(), destination.settings()));
    }
}
