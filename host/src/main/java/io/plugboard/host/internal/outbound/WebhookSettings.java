package io.plugboard.host.internal.outbound;

import java.util.List;

/**
 * What a user chooses for a webhook: its name, where it delivers (an HTTP URL or a plugin's destination), event types, whether it is on, its bearer
 * token, its payload settings, its rate limit (requests per second; null: the host's default) and how it is reached
 * (mutual TLS, OAuth). As entered until {@link WebhookValidator} returns them checked;
 * a saved {@link Webhook} holds the checked ones.
 */
public record WebhookSettings(String name, String url, List<String> events, boolean enabled, String token,
                              PayloadSettings payload, WebhookDestination destination, Double rateLimit,
                              EndpointAccess access) {

    public WebhookSettings {
        events = events == null ? List.of() : List.copyOf(events);
        payload = payload == null ? PayloadSettings.DEFAULT : payload;
        destination = destination == null ? WebhookDestination.HTTP : destination;
        access = access == null ? EndpointAccess.NONE : access;
    }

    /** Without a rate limit of its own, mutual TLS or OAuth. */
    public WebhookSettings(String name, String url, List<String> events, boolean enabled, String token,
                           PayloadSettings payload, WebhookDestination destination) {
        this(name, url, events, enabled, token, payload, destination, null, EndpointAccess.NONE);
    }

    /** An HTTP webhook. */
    public WebhookSettings(String name, String url, List<String> events, boolean enabled, String token,
                           PayloadSettings payload) {
        this(name, url, events, enabled, token, payload, WebhookDestination.HTTP);
    }

    public WebhookSettings(String name, String url, List<String> events, boolean enabled, String token) {
        this(name, url, events, enabled, token, PayloadSettings.DEFAULT);
    }

    WebhookSettings withEvents(List<String> subscribed) {
        return new WebhookSettings(name, url, subscribed, enabled, token, payload, destination, rateLimit, access);
    }

    /** Leaves the bearer token out, so logging a webhook cannot leak it. */
    @Override
    public String toString() {
        return "WebhookSettings[name=" + name + ", url=" + url + ", events=" + events + ", enabled=" + enabled
                + ", hasToken=" + (token != null) + ", payload=" + payload + ", destination=" + destination
                + ", rateLimit=" + rateLimit + ", access=" + access + "]";
    }
}
