package io.plugboard.host.internal.payloads;

import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;

/**
 * One shape a webhook's body can take, chosen by its {@code format} setting; the {@link PayloadFormats}
 * registry holds them. Shaped like the SDK extension point issue 16 describes (id, label, content type,
 * the settings it needs, render), so a later step can move it to the SDK and let plugins add formats;
 * until then only the built-in formats implement it.
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
