package io.plugboard.host.internal.outbound;

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
 */
public record PayloadSettings(String format, String template, Map<String, String> headers, String filter) {

    /** The format of a webhook that names none: the standard envelope (the payloads registry must have it). */
    public static final String DEFAULT_FORMAT = "standard";
    public static final PayloadSettings DEFAULT = new PayloadSettings(DEFAULT_FORMAT, null, Map.of(), null);

    public PayloadSettings {
        format = format == null ? DEFAULT_FORMAT : format;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
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
                          boolean filterChanged, String filter) {

        public static final Changes NONE = new Changes(null, false, null, null, false, null);

        public PayloadSettings applyTo(PayloadSettings current) {
            return new PayloadSettings(format != null ? format : current.format(),
                    templateChanged ? template : current.template(),
                    headers != null ? headers : current.headers(),
                    filterChanged ? filter : current.filter());
        }
    }
}
