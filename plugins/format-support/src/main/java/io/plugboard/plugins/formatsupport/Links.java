package io.plugboard.plugins.formatsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the link a message's button or title points to. Only absolute http and https URLs with a host
 * qualify: a value such as {@code javascript:…} or {@code data:…} must never become something to click.
 */
public final class Links {

    /** Longer URLs are not linked (Slack refuses buttons beyond 3,000 chars; no one reads them anyway). */
    public static final int MAX_LENGTH = 2000;

    private Links() {}

    /**
     * @param data the event's data
     * @param linkField the {@code link_field} path, or empty to take the first web URL among the top-level
     *     string fields, then those one level down
     * @return the link, if one qualifies
     */
    public static Optional<String> find(ObjectNode data, List<String> linkField) {
        if (!linkField.isEmpty()) {
            JsonNode value = DataPaths.find(data, linkField);
            return value != null && value.isTextual() && isWebUrl(value.textValue())
                    ? Optional.of(value.textValue()) : Optional.empty();
        }
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            if (entry.getValue().isTextual() && isWebUrl(entry.getValue().textValue())) {
                return Optional.of(entry.getValue().textValue());
            }
        }
        for (Map.Entry<String, JsonNode> entry : data.properties()) {
            for (Map.Entry<String, JsonNode> inner : entry.getValue().properties()) {
                if (inner.getValue().isTextual() && isWebUrl(inner.getValue().textValue())) {
                    return Optional.of(inner.getValue().textValue());
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether the text is an absolute http(s) URL with a host, without spaces or control chars */
    public static boolean isWebUrl(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
