package io.plugboard.host.internal.outbound;

/**
 * A search of webhooks; null criteria match everything.
 *
 * @param text matched case-insensitively against name and URL
 * @param event only webhooks subscribed to this event key
 * @param app only the webhooks of this application (by id); set by {@link WebhookService#search}
 */
public record WebhookQuery(String text, String event, Boolean enabled, int limit, int offset, String app) {

    public WebhookQuery(String text, String event, Boolean enabled, int limit, int offset) {
        this(text, event, enabled, limit, offset, null);
    }

    WebhookQuery inApp(String appId) {
        return new WebhookQuery(text, event, enabled, limit, offset, appId);
    }

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static WebhookQuery all() {
        return new WebhookQuery(null, null, null, MAX_LIMIT, 0);
    }
}
