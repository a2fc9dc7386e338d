package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.settings.DeclaredSettings;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * A destination of an active plugin, with what it told about itself when offered (asked once: a
 * plugin's describing methods are not called on every request).
 */
public record AvailableDestination(Destination destination, String pluginId, String label, String description,
                                   List<Setting> settings) {

    public AvailableDestination {
        settings = List.copyOf(settings);
    }

    public String id() {
        return destination.id();
    }

    /** @return its settings, checked by its {@code verify}, errors keyed {@code destination.settings.<key>} */
    public DeclaredSettings declared() {
        return new DeclaredSettings("the destination " + id(), "destination", "destination.settings.", settings,
                destination::verify);
    }

    /** @return where a webhook with these settings delivers, in a few words (the destination's own words if it can) */
    public String describe(Map<String, String> values) {
        try {
            String text = destination.describe(declared().withoutSecrets(values));
            return text == null || text.isBlank() ? label : text;
        } catch (RuntimeException | LinkageError e) {
            return label;
        }
    }
}
