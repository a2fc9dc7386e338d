package io.plugboard.host.internal.web.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.plugboard.host.internal.apps.PortalTheme;
import io.plugboard.host.internal.events.EventTypeRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The pages that change nothing: the event catalog (only the types the application may subscribe to, each with
 * its sample), how to verify signatures, and {@code /portal/theme.css}, the theme's primary colour as the
 * stylesheet's custom properties (a served file, as the CSP allows no inline style; the colour was checked to be
 * a hex colour when the application was saved).
 */
final class InfoPages {

    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;
    private final PortalView view;

    InfoPages(EventTypeRegistry registry, ObjectMapper mapper, PortalView view) {
        this.registry = registry;
        this.mapper = mapper;
        this.view = view;
    }

    void eventTypes(Context ctx) {
        var types = EventChoices.allowed(registry, PortalCaller.of(ctx).app()).stream().map(t -> Map.of(
                "key", t.key(), "name", t.name() == null ? t.key() : t.name(),
                "description", t.description() == null ? "" : t.description(), "sample", pretty(t.sample()))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("types", types);
        view.render(ctx, "event-types", "events", "Event types", model);
    }

    void verify(Context ctx) {
        view.render(ctx, "verify", "verify", "Verify signatures", new HashMap<>());
    }

    void themeCss(Context ctx) {
        PortalTheme theme = view.theme(PortalCaller.of(ctx).app());
        String color = theme.primaryColor();
        String css = color == null || !color.matches("#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?") ? ""
                : ":root { --accent: " + color + "; --accent-dark: color-mix(in srgb, " + color + " 70%, black); "
                        + "--accent-bg: color-mix(in srgb, " + color + " 8%, white); }\n";
        ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "no-cache").result(css);
    }

    private String pretty(Object sample) {
        if (sample == null) {
            return "{}";
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            return String.valueOf(sample);
        }
    }
}
