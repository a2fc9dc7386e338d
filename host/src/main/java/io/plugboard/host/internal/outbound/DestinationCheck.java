package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.common.ValidationException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks where a webhook delivers: the destination must be installed (a change that keeps an unavailable
 * destination as it is stays allowed, so a webhook can be renamed or turned off while its plugin is
 * stopped) and its settings must satisfy the destination's declarations and its {@code verify}. Field
 * errors are keyed {@code destination} and {@code destination.settings.<key>}.
 */
final class DestinationCheck {

    private final Destinations destinations;

    DestinationCheck(Destinations destinations) {
        this.destinations = destinations;
    }

    /**
     * @param current the webhook's destination before this change, or null for a new webhook
     * @return the destination with its settings normalised
     */
    WebhookDestination check(WebhookDestination draft, WebhookDestination current, Map<String, String> errors) {
        if (draft.isHttp()) {
            if (!draft.settings().isEmpty()) {
                errors.put("destination.settings", "the http destination has no settings; its target is the url");
            }
            return WebhookDestination.HTTP;
        }
        Optional<AvailableDestination> found = destinations.find(draft.type());
        if (found.isEmpty()) {
            if (draft.equals(current)) {
                return current;
            }
            errors.put("destination", "no destination '" + draft.type() + "' is installed; choose http or one of "
                    + "GET /api/v1/destinations (a destination plugin must be active)");
            return draft;
        }
        try {
            return new WebhookDestination(draft.type(), found.get().declared().apply(Map.of(), draft.settings(), false));
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
            return draft;
        }
    }
}
