package io.plugboard.host.internal.events;

import io.plugboard.sdk.EventType;
import java.util.List;

/**
 * The event types the host contributes itself (owner {@code plugboard}): what goes wrong while it runs,
 * so a webhook or destination (Slack, a pager) can be told like of any other event. Samples and JSON
 * Schemas are resources next to this class ({@code operational/<key>.sample.json}, {@code .schema.json}),
 * compiled and checked at start like a plugin's.
 */
public final class OperationalTypes {

    public static final String WEBHOOK_DISABLED = "webhook_disabled";
    public static final String DELIVERY_FAILED = "delivery_failed";
    public static final String WEBHOOK_FAILING = "webhook_failing";
    public static final String PLUGIN_FAILED = "plugin_failed";
    public static final String PLUGIN_UPDATED = "plugin_updated";
    public static final String INBOUND_REFUSED_BURST = "inbound_refused_burst";

    private static final String GROUP = "Plugboard";

    private OperationalTypes() {}

    /** @return every operational type, as the catalog lists them */
    public static List<EventType> all() {
        return List.of(
                type(WEBHOOK_DISABLED, "Webhook disabled",
                        "A webhook was turned off: its endpoint answered 410 Gone, it failed for too long, or an admin did"),
                type(DELIVERY_FAILED, "Delivery failed", "A delivery failed for good: its retries ran out"),
                type(WEBHOOK_FAILING, "Webhook failing",
                        "A webhook's attempts failed so many times in a row (once per streak of failures)"),
                type(PLUGIN_FAILED, "Plugin failed", "A plugin could not be loaded or started, or did not stop in time"),
                type(PLUGIN_UPDATED, "Plugin updated", "A plugin now runs another version"),
                type(INBOUND_REFUSED_BURST, "Inbound requests refused",
                        "An inbound webhook refused so many requests within a window (once per window)"));
    }

    private static EventType type(String key, String name, String description) {
        return EventType.builder(key).name(name).description(description).group(GROUP)
                .sampleResource(OperationalTypes.class, "/io/plugboard/host/operational/" + key + ".sample.json")
                .schemaResource(OperationalTypes.class, "/io/plugboard/host/operational/" + key + ".schema.json")
                .build();
    }
}
