package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.ShownRequest;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.sdk.InvalidEventException;
import java.util.List;
import java.util.Map;

/** The "Preview" of the webhook form: the chosen event type's sample rendered through the settings as typed. */
final class FormPreview {

    /** @param errors per field when the settings cannot be previewed; empty otherwise */
    record Shown(String eventType, boolean filterMatches, ShownRequest request, Map<String, String> errors) {}

    record Choice(String key, String name, boolean selected) {}

    private final RequestPreview preview;

    FormPreview(RequestPreview preview) {
        this.preview = preview;
    }

    /** @param eventType the type chosen for the preview; blank for the first subscribed one */
    Shown of(String name, String url, String token, PayloadFields payload, String eventType, List<String> events) {
        String type = eventType != null && !eventType.isBlank() ? eventType : events.isEmpty() ? null : events.get(0);
        try {
            RequestPreview.Preview p = preview.preview(name, url, token, payload.settings(), type, null);
            return new Shown(p.eventType(), p.filterMatches(), p.request(), Map.of());
        } catch (ValidationException e) {
            return new Shown(type, true, null, e.fieldErrors());
        } catch (InvalidEventException e) {
            return new Shown(type, true, null, Map.of("preview_event", type == null
                    ? "choose an event type to preview" : e.getMessage()));
        }
    }

    static List<Choice> choices(EventTypeRegistry registry, String selected) {
        return registry.all().stream().map(RegisteredEventType.class::cast)
                .map(t -> new Choice(t.key(), t.name(), t.key().equals(selected))).toList();
    }
}
