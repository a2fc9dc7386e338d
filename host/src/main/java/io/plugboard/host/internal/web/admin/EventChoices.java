package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event multi-select of the webhook form: registered types grouped, with the chosen ones checked. */
final class EventChoices {

    record Choice(String key, String name, String pluginId, boolean checked) {}

    record Group(String name, List<Choice> choices) {}

    private EventChoices() {}

    /** Chosen keys no plugin registers any more are listed under "Unavailable" so they are not lost. */
    static List<Group> of(EventTypeRegistry registry, Collection<String> chosen) {
        Set<String> selected = Set.copyOf(chosen);
        Map<String, List<Choice>> groups = new LinkedHashMap<>();
        for (RegisteredEventType t : registry.all()) {
            groups.computeIfAbsent(t.group(), g -> new ArrayList<>())
                    .add(new Choice(t.key(), t.name(), t.pluginId(), selected.contains(t.key())));
        }
        List<Choice> missing = chosen.stream().filter(k -> !registry.contains(k))
                .map(k -> new Choice(k, k, "not registered", true)).toList();
        if (!missing.isEmpty()) {
            groups.put("Unavailable", missing);
        }
        return groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList();
    }
}
