package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.AccessNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's form shown again after an invalid submit: what its template gets as {@code form} (the
 * entered values and the errors by field) and what the host's error summary lists (each error linked
 * to its field, whose {@code id} is its name).
 */
final class PluginForm {

    private PluginForm() {
    }

    /** @return {@code values} (first value by field), {@code all} (every value), {@code errors}, {@code hasErrors} */
    static Map<String, Object> model(Context ctx, Map<String, String> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, list) -> {
            if (!name.equals(AccessNames.CSRF_FIELD) && !list.isEmpty()) {
                values.put(name, list.get(0));
                all.put(name, List.copyOf(list));
            }
        });
        return Map.of("values", values, "all", all, "errors", errors, "hasErrors", true);
    }

    /** @return the summary's lines: {@code field} (the link's target) and {@code message} */
    static List<Map<String, String>> summary(Map<String, String> errors) {
        List<Map<String, String>> lines = new ArrayList<>();
        errors.forEach((field, message) -> lines.add(Map.of("field", field, "message", message)));
        return lines;
    }
}
