package io.plugboard.host.internal.web.portal;

import com.github.jknack.handlebars.Handlebars;
import io.plugboard.host.internal.web.http.HandlebarsPages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The portal's Handlebars templates, from {@code /plugboard/templates/portal}: its own set (a customer sees
 * none of the admin's pages), in the admin's style. Every {@code {{value}}} is HTML-escaped; no template
 * uses the triple-stash.
 */
final class PortalTemplates {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Handlebars handlebars = HandlebarsPages.engine("/plugboard/templates/portal", TIME);

    String render(String template, Map<String, Object> model) {
        return HandlebarsPages.render(handlebars, template, model);
    }
}
