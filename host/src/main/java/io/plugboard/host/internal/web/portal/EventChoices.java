package io.plugboard.host.internal.web.portal;

import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.common.ValidationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The event types an application's customers may subscribe to in the portal, sorted by key: those the application
 * allows, without the host's operational types ({@code plugin_failed}, {@code webhook_disabled}, …), which tell of
 * the site owner's host, not of the customer's data.
 */
final class EventChoices {

    private EventChoices() {}

    static List<RegisteredEventType> allowed(EventTypeRegistry registry, Application app) {
        return registry.all().stream()
                .filter(t -> app.allows(t.key()) && !OperationalEvents.SOURCE.equals(t.pluginId()))
                .sorted(Comparator.comparing(RegisteredEventType::key)).toList();
    }

    /** @throws ValidationException naming the first chosen type the portal does not offer */
    static void check(EventTypeRegistry registry, Application app, List<String> chosen) {
        List<String> offered = allowed(registry, app).stream().map(RegisteredEventType::key).toList();
        for (String key : chosen) {
            if (!offered.contains(key)) {
                throw ValidationException.of("events", "'" + key + "' is not one of the event types you can subscribe to"
                        + " (see Event types)");
            }
        }
    }

    /** @return one checkbox per allowed type, ticked when {@code chosen} holds it */
    static List<Map<String, Object>> checkboxes(EventTypeRegistry registry, Application app, List<String> chosen) {
        return allowed(registry, app).stream().map(t -> Map.<String, Object>of("key", t.key(),
                "name", t.name() == null ? t.key() : t.name(), "checked", chosen.contains(t.key()))).toList();
    }
}
