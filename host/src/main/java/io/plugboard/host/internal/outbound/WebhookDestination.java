package io.plugboard.host.internal.outbound;

import java.util.Map;

/**
 * Where a webhook delivers: {@code http} (its URL; the host's own sender) or the id of a destination a
 * plugin provides, with that webhook's values of the destination's settings.
 *
 * @param type {@code http} or a plugin destination's id
 * @param settings the destination's settings by key (secret values in clear: never log them); empty for HTTP
 */
public record WebhookDestination(String type, Map<String, String> settings) {

    public static final String HTTP_TYPE = "http";
    public static final WebhookDestination HTTP = new WebhookDestination(HTTP_TYPE, Map.of());

    public WebhookDestination {
        type = type == null || type.isBlank() ? HTTP_TYPE : type;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** @return true for the host's own HTTP sender */
    public boolean isHttp() {
        return HTTP_TYPE.equals(type);
    }

    /** Leaves the settings' values out: some are secret. */
    @Override
    public String toString() {
        return "WebhookDestination[type=" + type + ", settings=" + settings.keySet() + "]";
    }
}
