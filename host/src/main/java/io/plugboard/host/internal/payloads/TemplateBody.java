package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.Template;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.Webhook;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A body rendered from the webhook's template. Compiled templates are cached per webhook and version
 * ({@code updated_at}); a rendered body whose content type is JSON must parse as JSON.
 */
final class TemplateBody {

    private record Compiled(Instant version, Template template) {}

    private final PayloadTemplates templates;
    private final ObjectMapper mapper;
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    TemplateBody(PayloadTemplates templates, ObjectMapper mapper) {
        this.templates = templates;
        this.mapper = mapper;
    }

    String render(Webhook w, StoredEvent event, UsedSecrets secrets) {
        Compiled c = cache.get(w.id());
        if (c == null || !c.version().equals(w.updatedAt())) {
            c = new Compiled(w.updatedAt(), templates.compile(w.settings().payload().template()));
            cache.put(w.id(), c);
        }
        return render(c.template(), contentType(w.settings().payload().header("Content-Type")), event, w.id(), w.name(),
                w.settings().token(), secrets);
    }

    /** Renders without the cache: for validation and previews of unsaved settings. */
    String render(Template template, String contentType, StoredEvent event, String webhookId, String name,
                  String token, UsedSecrets secrets) {
        secrets.sensitive(token);
        String body = templates.render(template, TemplateModel.of(mapper, event, webhookId, name, token), secrets);
        if (JsonText.isJson(contentType)) {
            try {
                if (mapper.readTree(body).isMissingNode()) {
                    throw new TemplateProblem("the template renders an empty body for " + event.type()
                            + ", which is not valid JSON");
                }
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                throw new TemplateProblem("the template renders invalid JSON for " + event.type() + ": "
                        + secrets.mask(e.getOriginalMessage())
                        + (at == null ? "" : " (body line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
            }
        }
        return body;
    }

    static String contentType(String header) {
        return header == null || header.isBlank() ? "application/json" : header.strip();
    }
}
