package io.plugboard.host.internal.outbound;

import java.util.List;
import java.util.Map;

/** Validates a webhook's {@link PayloadSettings}; implemented by the payloads package. */
public interface PayloadCheck {

    /**
     * @param app the id of the webhook's application: templates and headers may refer to its secrets only
     * @param events the event types the webhook subscribes to (a template is tried on their samples)
     * @param errors where to put one message per invalid field
     * @return the settings normalised
     */
    PayloadSettings check(PayloadSettings settings, String app, String webhookName, List<String> events, Map<String, String> errors);
}
