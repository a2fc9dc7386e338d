package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.ShownRequest;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.sdk.InvalidEventException;
import java.util.List;
import java.util.Map;

/**
 * The "Preview" of the webhook form: the chosen event type's sample rendered through the settings as typed,
 * or ({@link #EVERY}) the sample of every subscribed type, one after the other — how a format looks for
 * each kind of event before anything is saved.
 */
final class FormPreview {

    /** The choice that previews every subscribed type. */
    static final String EVERY = "*";
    /** At most this many types are previewed at once. */
    static final int MAX_EVERY = 20;

    /**
     * @param errors per field when the settings cannot be previewed; empty otherwise
     * @param more the previews of the other subscribed types, when every type was asked for
     */
    record Shown(String eventType, boolean filterMatches, ShownRequest request, Map<String, String> errors,
                 List<Shown> more) {

        Shown(String eventType, boolean filterMatches, ShownRequest request, Map<String, String> errors) {
            this(eventType, filterMatches, request, errors, List.of());
        }

        boolean every() {
            return !more.isEmpty();
        }
    }

    record Choice(String key, String name, boolean selected) {}

    private final RequestPreview preview;

    FormPreview(RequestPreview preview) {
        this.preview = preview;
    }

    /**
     * @param eventType the type chosen for the preview; blank for the first subscribed one; {@link #EVERY}
     *     for each subscribed one (the first's errors are the ones shown)
     */
    Shown of(String name, String url, String token, PayloadFields payload, String eventType, List<String> events) {
        if (EVERY.equals(eventType) && events.size() > 1) {
            Shown first = one(name, url, token, payload, events.get(0), events);
            if (!first.errors().isEmpty()) {
                return first;
            }
            List<Shown> more = events.subList(1, Math.min(events.size(), MAX_EVERY)).stream()
                    .map(type -> one(name, url, token, payload, type, events)).toList();
            return new Shown(first.eventType(), first.filterMatches(), first.request(), Map.of(), more);
        }
        return one(name, url, token, payload, EVERY.equals(eventType) ? null : eventType, events);
    }

    private Shown one(String name, String url, String token, PayloadFields payload, String eventType, List<String> events) {
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
