package io.plugboard.host.internal.web.portal;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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

    private final Handlebars handlebars;

    PortalTemplates() {
        this.handlebars = new Handlebars(new ClassPathTemplateLoader("/plugboard/templates/portal", ".hbs"))
                .with(new ConcurrentMapTemplateCache()).prettyPrint(true);
        handlebars.registerHelpers(ConditionalHelpers.class);
        handlebars.registerHelper("time", (Object value, com.github.jknack.handlebars.Options options) ->
                value instanceof Instant instant ? TIME.format(instant) : "");
        handlebars.registerHelper("isoTime", (Object value, com.github.jknack.handlebars.Options options) ->
                value instanceof Instant instant ? instant.toString() : "");
    }

    String render(String template, Map<String, Object> model) {
        try {
            Template compiled = handlebars.compile(template);
            Context context = Context.newBuilder(model).resolver(MapValueResolver.INSTANCE, MethodValueResolver.INSTANCE)
                    .build();
            try {
                return compiled.apply(context);
            } finally {
                context.destroy();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render portal template " + template, e);
        }
    }
}
