package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.common.DefaultApp;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint that receives events: what a user chose for it, the secrets that sign its requests,
 * and how it has fared.
 *
 * @param settings name, target, event types, on/off, bearer token and payload settings
 * @param secrets the signing secret, and the previous one during a rotation's overlap
 * @param stats its delivery counters, last attempt, and why the host turned it off if it did
 * @param appId the application it belongs to
 */
public record Webhook(String id, WebhookSettings settings, WebhookSecrets secrets, WebhookStats stats,
                      Instant createdAt, Instant updatedAt, String appId) {

    public Webhook {
        stats = stats == null ? WebhookStats.NONE : stats;
        appId = appId == null ? DefaultApp.ID : appId;
    }

    /** A webhook of the default application. */
    public Webhook(String id, WebhookSettings settings, WebhookSecrets secrets, WebhookStats stats,
                   Instant createdAt, Instant updatedAt) {
        this(id, settings, secrets, stats, createdAt, updatedAt, DefaultApp.ID);
    }

    Webhook withEvents(List<String> subscribed) {
        return new Webhook(id, settings.withEvents(subscribed), secrets, stats, createdAt, updatedAt, appId);
    }

    // The settings' parts nearly every page, handler and template reads, so they read webhook.name.

    public String name() {
        return settings.name();
    }

    public String url() {
        return settings.url();
    }

    public List<String> events() {
        return settings.events();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public boolean hasToken() {
        return settings.token() != null;
    }
}
