package io.plugboard.host.internal.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.helper.StringHelpers;
import io.plugboard.host.internal.web.http.HandlebarsPages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Renders the admin's Handlebars templates from {@code /plugboard/templates}. Every {@code {{value}}}
 * is HTML-escaped; templates never use the unescaped triple-stash for user data.
 */
public final class Templates {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Handlebars handlebars;

    public Templates(ObjectMapper mapper) {
        this.handlebars = HandlebarsPages.engine("/plugboard/templates", TIME);
        handlebars.registerHelpers(StringHelpers.class);
        JsonHtml jsonHtml = new JsonHtml(mapper);
        // Escapes every token itself (see JsonHtml), so its markup may pass unescaped.
        handlebars.registerHelper("json", (Object value, Options options) ->
                new Handlebars.SafeString(jsonHtml.render(value)));
    }

    /** @param model the page's values; records are read through their accessor methods */
    public String render(String template, Map<String, Object> model) {
        return HandlebarsPages.render(handlebars, template, model);
    }
}
