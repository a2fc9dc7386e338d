package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.outbound.PayloadSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload part of the webhook form: format, template, custom headers (one {@code Name: value}
 * per line) and filter, as typed.
 */
record PayloadFields(String format, String template, String headers, String filter) {

    static final PayloadFields EMPTY = new PayloadFields(PayloadSettings.DEFAULT_FORMAT, "", "", "");

    static PayloadFields of(PayloadSettings p) {
        StringBuilder lines = new StringBuilder();
        p.headers().forEach((k, v) -> lines.append(k).append(": ").append(v).append('\n'));
        return new PayloadFields(p.format(), p.template() == null ? "" : p.template(), lines.toString(),
                p.filter() == null ? "" : p.filter());
    }

    static PayloadFields of(Context ctx) {
        String format = ctx.formParam("format");
        return new PayloadFields(format == null || format.isBlank() ? PayloadSettings.DEFAULT_FORMAT : format,
                text(ctx.formParam("template")), text(ctx.formParam("headers")), text(ctx.formParam("filter")));
    }

    /** @throws ValidationException for a header line without a colon */
    PayloadSettings settings() {
        Map<String, String> parsed = new LinkedHashMap<>();
        String[] lines = headers.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw ValidationException.of("headers", "line " + (i + 1) + " must be written as Name: value");
            }
            parsed.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new PayloadSettings(format, template, parsed, filter);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
