package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.settings.DeclaredSettings;
import io.plugboard.sdk.outbound.RenderedPayload;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * A plugin's {@link io.plugboard.sdk.outbound.PayloadFormat}, as the registry uses formats. What the
 * format told about itself is asked once, when it is offered; its {@code render} sees the event after the
 * outgoing filters and the webhook's format settings with defaults applied. What it throws is the
 * attempt's error, never a 500.
 */
record PluginFormat(io.plugboard.sdk.outbound.PayloadFormat format, String pluginId, String id, String label,
                    String contentType, List<Setting> settings) implements PayloadFormat {

    static PluginFormat of(io.plugboard.sdk.outbound.PayloadFormat format, String pluginId) {
        List<Setting> declared = format.settings() == null ? List.of() : List.copyOf(format.settings());
        return new PluginFormat(format, pluginId, format.id(), format.label(), format.contentType(), declared);
    }

    @Override
    public Map<String, String> checkSettings(Map<String, String> given, Map<String, String> errors) {
        try {
            return declared().apply(Map.of(), given, false);
        } catch (ValidationException e) {
            errors.putAll(e.fieldErrors());
            return given;
        }
    }

    private DeclaredSettings declared() {
        return new DeclaredSettings("the format " + id, "format", "format_settings.", settings, format::verify);
    }

    private Map<String, String> withDefaults(Map<String, String> values) {
        return declared().withDefaults(values);
    }

    @Override
    public RenderedBody render(RenderRequest request) {
        StoredEvent e = request.event();
        RenderedPayload out;
        try {
            out = format.render(new io.plugboard.sdk.outbound.OutgoingEvent(e.id(), e.type(), e.createdAt(),
                    e.source(), e.data(), request.webhookId(), withDefaults(request.settings().formatSettings())));
        } catch (RuntimeException | LinkageError problem) {
            throw new TemplateProblem("the format " + id + " (plugin " + pluginId + ") could not render this event: "
                    + (problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage()));
        }
        if (out == null) {
            throw new TemplateProblem("the format " + id + " (plugin " + pluginId + ") rendered nothing");
        }
        return new RenderedBody(out.contentType(), out.body(), out.headers());
    }
}
