package io.plugboard.host.internal.web.http;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What the admin's and the portal's Handlebars engines share: one set of templates from the class path,
 * cached, with the conditional helpers and the {@code time}/{@code isoTime} helpers, rendered from a map of
 * values whose records are read through their accessors. Every {@code {{value}}} is HTML-escaped.
 */
public final class HandlebarsPages {

    private HandlebarsPages() {}

    /**
     * @param folder the class-path folder of the {@code .hbs} files, e.g. {@code /plugboard/templates}
     * @param time how {@code {{time value}}} writes an {@link Instant}
     */
    public static Handlebars engine(String folder, DateTimeFormatter time) {
        Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader(folder, ".hbs"))
                .with(new ConcurrentMapTemplateCache())
                .prettyPrint(true);
        handlebars.registerHelpers(ConditionalHelpers.class);
        handlebars.registerHelper("time", (Object value, Options options) ->
                value instanceof Instant instant ? time.format(instant) : "");
        handlebars.registerHelper("isoTime", (Object value, Options options) ->
                value instanceof Instant instant ? instant.toString() : "");
        return handlebars;
    }

    /** @param model the page's values; records are read through their accessor methods */
    public static String render(Handlebars handlebars, String template, Map<String, Object> model) {
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
