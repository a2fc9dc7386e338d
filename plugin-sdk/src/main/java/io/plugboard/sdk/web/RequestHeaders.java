package io.plugboard.sdk.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Looks a header up by name in any case, in headers kept by their lower-case names. */
final class RequestHeaders {

    private RequestHeaders() {
    }

    static String first(Map<String, List<String>> headers, String name) {
        if (name == null) {
            return null;
        }
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
