package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.OutgoingPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes an event's data through {@link CoreHooks#OUTGOING_PAYLOAD} before it is signed. Without a
 * filter the stored text is returned as it is (one map lookup); data a filter changed must be a JSON
 * object and is written again compactly, so what is signed is well-formed JSON.
 */
final class OutgoingFilter {

    private static final Logger log = LoggerFactory.getLogger(OutgoingFilter.class);

    private final HookRunner hooks;
    private final ObjectMapper mapper;

    OutgoingFilter(HookRunner hooks, ObjectMapper mapper) {
        this.hooks = hooks;
        this.mapper = mapper;
    }

    /** @return the data to send to this webhook */
    String data(Webhook webhook, StoredEvent event) {
        if (!hooks.has(CoreHooks.OUTGOING_PAYLOAD)) {
            return event.data();
        }
        OutgoingPayload filtered = hooks.applyFilters(CoreHooks.OUTGOING_PAYLOAD,
                new OutgoingPayload(event.id(), event.type(), webhook.id(), event.data()));
        if (filtered.data().equals(event.data())) {
            return event.data();
        }
        try {
            JsonNode tree = mapper.readTree(filtered.data());
            if (tree != null && tree.isObject()) {
                return mapper.writeValueAsString(tree);
            }
        } catch (JsonProcessingException e) {
            // fall through: the filter's output is not JSON
        }
        log.warn("The outgoing-payload filters made the data of {} something other than a JSON object; "
                + "it is sent to {} unchanged", event.id(), webhook.id());
        return event.data();
    }
}
