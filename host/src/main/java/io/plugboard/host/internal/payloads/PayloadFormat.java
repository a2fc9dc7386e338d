package io.plugboard.host.internal.payloads;

import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * One shape a webhook's body can take, chosen by its {@code format} setting; the {@link PayloadFormats}
 * registry holds them. The built-in formats implement it directly (the template format needs the host's
 * secrets and render budget, which the SDK does not show); a plugin's SDK
 * {@link io.plugboard.sdk.outbound.PayloadFormat} is adapted to it by {@link PluginFormat}.
 */
public interface PayloadFormat {

    /** @return what a webhook's {@code format} names, e.g. {@code cloudevents}; stored, so never changed */
    String id();

    /** @return the name shown in the webhook form's choice of formats */
    String label();

    /** @return the body's content type when the settings choose none */
    String contentType();

    /** @return the settings this format reads besides the ones every webhook has (e.g. its template) */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Checks a webhook's {@code format_settings}: the built-in formats have none (their settings have
     * columns of their own, such as the template); a plugin's format checks its declared ones.
     *
     * @param errors where to put one message per invalid field ({@code format_settings.<key>})
     * @return the settings normalised
     */
    default Map<String, String> checkSettings(Map<String, String> given, Map<String, String> errors) {
        if (!given.isEmpty()) {
            errors.put("format_settings", "the format " + id() + " has no settings");
        }
        return Map.of();
    }

    /** @return true when a custom {@code Content-Type} header chooses the body's content type */
    default boolean contentTypeFromHeaders() {
        return false;
    }

    /** @return true when rendering may read named secrets, so the request must record the ones it used */
    default boolean readsSecrets() {
        return false;
    }

    /**
     * Checks the format's own settings when a webhook is saved or previewed, after the shared ones
     * (headers, filter) were checked.
     *
     * @param errors where to put one message per invalid field
     */
    default void check(FormatCheck check, Map<String, String> errors) {}

    /**
     * @return the body with its content type and any headers the format adds
     * @throws TemplateProblem when the settings cannot render this event (said to the user, never a 500)
     */
    RenderedBody render(RenderRequest request);
}
