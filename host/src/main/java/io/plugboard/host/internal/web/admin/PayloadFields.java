package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The payload part of the webhook form: format, template, custom headers (one {@code Name: value}
 * per line), filter and the chosen format's own settings (fields {@code format_settings.<format>.<key>}:
 * every plugin format's fields are in the form, only the chosen one's are read), as typed.
 */
record PayloadFields(String format, String template, String headers, String filter, Map<String, String> formatSettings) {

    static final PayloadFields EMPTY = new PayloadFields(PayloadSettings.DEFAULT_FORMAT, "", "", "", Map.of());

    /** @param shownFormatSettings the stored format settings as they may be shown (secrets masked) */
    static PayloadFields of(PayloadSettings p, Map<String, String> shownFormatSettings) {
        StringBuilder lines = new StringBuilder();
        p.headers().forEach((k, v) -> lines.append(k).append(": ").append(v).append('\n'));
        return new PayloadFields(p.format(), p.template() == null ? "" : p.template(), lines.toString(),
                p.filter() == null ? "" : p.filter(), shownFormatSettings);
    }

    static PayloadFields of(Context ctx, OutboundCatalog catalog) {
        String given = ctx.formParam("format");
        String format = given == null || given.isBlank() ? PayloadSettings.DEFAULT_FORMAT : given;
        Map<String, String> settings = catalog.format(format)
                .map(f -> DeclaredFields.input(ctx, namePrefix(format), f.settings())).orElse(Map.of());
        return new PayloadFields(format, text(ctx.formParam("template")), text(ctx.formParam("headers")),
                text(ctx.formParam("filter")), settings);
    }

    /** @return the prefix of the names of a format's setting fields */
    static String namePrefix(String format) {
        return "format_settings." + format + ".";
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
        return new PayloadSettings(format, template, parsed, filter, formatSettings);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
