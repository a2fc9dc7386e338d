package io.plugboard.host.internal.web.portal;

import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The event types an application may subscribe to, as the portal offers them: sorted by key. */
final class EventChoices {

    private EventChoices() {}

    static List<RegisteredEventType> allowed(EventTypeRegistry registry, Application app) {
        return registry.all().stream().filter(t -> app.allows(t.key()))
                .sorted(Comparator.comparing(RegisteredEventType::key)).toList();
    }

    /** @return one checkbox per allowed type, ticked when {@code chosen} holds it */
    static List<Map<String, Object>> checkboxes(EventTypeRegistry registry, Application app, List<String> chosen) {
        return allowed(registry, app).stream().map(t -> Map.<String, Object>of("key", t.key(),
                "name", t.name() == null ? t.key() : t.name(), "checked", chosen.contains(t.key()))).toList();
    }
}
