package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.outbound.PayloadSettings;
import java.util.List;

/** The fields of a webhook that a user chooses, before validation. Values are as entered. */
public record WebhookDraft(String name, String url, List<String> events, boolean enabled, String token,
                           PayloadSettings payload) {

    public WebhookDraft {
        events = events == null ? List.of() : List.copyOf(events);
        payload = payload == null ? PayloadSettings.DEFAULT : payload;
    }

    public WebhookDraft(String name, String url, List<String> events, boolean enabled, String token) {
        this(name, url, events, enabled, token, PayloadSettings.DEFAULT);
    }
}
