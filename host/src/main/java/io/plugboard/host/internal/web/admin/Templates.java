package io.plugboard.host.internal.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.helper.StringHelpers;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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
        this.handlebars = new Handlebars(new ClassPathTemplateLoader("/plugboard/templates", ".hbs"))
                .with(new ConcurrentMapTemplateCache())
                .prettyPrint(true);
        handlebars.registerHelpers(ConditionalHelpers.class);
        handlebars.registerHelpers(StringHelpers.class);
        handlebars.registerHelper("time", (Object value, com.github.jknack.handlebars.Options options) ->
                value instanceof Instant instant ? TIME.format(instant) : "");
        handlebars.registerHelper("isoTime", (Object value, com.github.jknack.handlebars.Options options) ->
                value instanceof Instant instant ? instant.toString() : "");
        JsonHtml jsonHtml = new JsonHtml(mapper);
        // Escapes every token itself (see JsonHtml), so its markup may pass unescaped.
        handlebars.registerHelper("json", (Object value, com.github.jknack.handlebars.Options options) ->
                new Handlebars.SafeString(jsonHtml.render(value)));
    }

    /** @param model the page's values; records are read through their accessor methods */
    public String render(String template, Map<String, Object> model) {
        try {
            Template compiled = handlebars.compile(template);
            Context context = Context.newBuilder(model)
                    .resolver(MapValueResolver.INSTANCE, MethodValueResolver.INSTANCE)
                    .build();
            try {
                return compiled.apply(context);
            } finally {
                context.destroy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render template " + template, e);
        }
    }
}
