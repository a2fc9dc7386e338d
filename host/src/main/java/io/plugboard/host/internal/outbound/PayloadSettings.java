package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.settings.DeclaredSettings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a webhook sends besides the standard request: the body's format, its template, custom headers
 * and the condition an event must meet to be delivered.
 *
 * @param format the id of a payload format (the formats are in the payloads package's {@code PayloadFormats})
 * @param template the Handlebars template of the body, for the {@code template} format; else null
 * @param headers custom header name → value, in order; a value may contain {@code {{secret "NAME"}}}
 * @param filter a condition on the event, e.g. {@code data.total >= 100}, or null to deliver every event
 * @param formatSettings the values of the settings a plugin's format declares (secret ones in clear: never
 *     log them); empty for the built-in formats
 */
public record PayloadSettings(String format, String template, Map<String, String> headers, String filter,
                              Map<String, String> formatSettings) {

    /** The format of a webhook that names none: the standard envelope (the payloads registry must have it). */
    public static final String DEFAULT_FORMAT = "standard";
    public static final PayloadSettings DEFAULT = new PayloadSettings(DEFAULT_FORMAT, null, Map.of(), null);

    public PayloadSettings {
        format = format == null ? DEFAULT_FORMAT : format;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        formatSettings = formatSettings == null ? Map.of() : Map.copyOf(formatSettings);
    }

    /** Settings of a built-in format (no format settings). */
    public PayloadSettings(String format, String template, Map<String, String> headers, String filter) {
        this(format, template, headers, filter, Map.of());
    }

    /** Leaves the format settings' values out: some may be secret. */
    @Override
    public String toString() {
        return "PayloadSettings[format=" + format + ", template=" + (template == null ? null : template.length() + " chars")
                + ", headers=" + headers.keySet() + ", filter=" + filter + ", formatSettings=" + formatSettings.keySet() + "]";
    }

    /** @return the value of a custom header, matched ignoring case, or null */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /**
     * A partial change: null fields stay as they are; {@code template} and {@code filter} are changed
     * when their flag is set (to null to remove them).
     */
    public record Changes(String format, boolean templateChanged, String template, Map<String, String> headers,
                          boolean filterChanged, String filter, Map<String, String> formatSettings) {

        public static final Changes NONE = new Changes(null, false, null, null, false, null, null);

        public Changes(String format, boolean templateChanged, String template, Map<String, String> headers,
                       boolean filterChanged, String filter) {
            this(format, templateChanged, template, headers, filterChanged, filter, null);
        }

        /**
         * Format settings not given stay as they are while the format stays; choosing another format
         * without giving its settings starts them empty (the new format's defaults apply).
         */
        public PayloadSettings applyTo(PayloadSettings current) {
            String chosen = format != null ? format : current.format();
            boolean sameFormat = chosen.equals(current.format());
            Map<String, String> settings = formatSettings == null ? (sameFormat ? current.formatSettings() : Map.of())
                    : sameFormat ? DeclaredSettings.keepMasked(current.formatSettings(), formatSettings) : formatSettings;
            return new PayloadSettings(chosen,
                    templateChanged ? template : current.template(),
                    headers != null ? headers : current.headers(),
                    filterChanged ? filter : current.filter(), settings);
        }
    }
}
