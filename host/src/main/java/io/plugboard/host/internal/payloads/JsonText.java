package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.EscapingStrategy;
import java.util.Locale;

/** JSON escaping for payload templates: {@code {{x}}} is escaped as JSON string content, {@code {{json x}}} is a JSON value. */
final class JsonText {

    /** Escapes like the inside of a JSON string: quotes, backslashes, control characters. */
    static final EscapingStrategy STRING_CONTENT = value ->
            value == null ? "" : new String(JsonStringEncoder.getInstance().quoteAsString(value.toString()));

    private JsonText() {}

    /** @return the value as JSON; a missing value is {@code null} */
    static String value(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a template value as JSON", e);
        }
    }

    /** @return true for {@code application/json} and any {@code …+json} media type, parameters ignored */
    static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
