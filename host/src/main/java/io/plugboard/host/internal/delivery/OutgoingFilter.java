package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.OutgoingPayload;
import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes an event's data through {@link CoreHooks#OUTGOING_PAYLOAD} before it is signed. Without a
 * filter the stored text is returned as it is (one map lookup). The payload reads the text into a
 * {@code JsonObject} only if a filter asks for it. Data a filter changed must be a JSON object and is
 * written again compactly with the SDK's reader (numbers keep their exact text), so what is signed is
 * well-formed JSON.
 */
final class OutgoingFilter {

    private static final Logger log = LoggerFactory.getLogger(OutgoingFilter.class);

    private final HookRunner hooks;
    OutgoingFilter(HookRunner hooks) {
        this.hooks = hooks;
    }

    /** @return the data to send to this webhook */
    String data(Webhook webhook, StoredEvent event) {
        if (!hooks.has(CoreHooks.OUTGOING_PAYLOAD)) {
            return event.data();
        }
        OutgoingPayload filtered = hooks.applyFilters(CoreHooks.OUTGOING_PAYLOAD,
                new OutgoingPayload(event.id(), event.type(), webhook.id(), event.data()));
        if (filtered.dataJson().equals(event.data())) {
            return event.data();
        }
        try {
            return Json.parseObject(filtered.dataJson()).toJson();
        } catch (JsonException e) {
            log.warn("The outgoing-payload filters made the data of {} something other than a JSON object ({}); "
                    + "it is sent to {} unchanged", event.id(), e.getMessage(), webhook.id());
            return event.data();
        }
    }
}
