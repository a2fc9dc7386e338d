package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jknack.handlebars.Template;
import io.plugboard.host.internal.events.StoredEvent;
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

    /** Saved settings (a version) are compiled once per version; unsaved ones each time, without the cache. */
    String render(RenderRequest r) {
        Template template;
        if (r.version() == null) {
            template = templates.compile(r.settings().template());
        } else {
            Compiled c = cache.get(r.webhookId());
            if (c == null || !c.version().equals(r.version())) {
                c = new Compiled(r.version(), templates.compile(r.settings().template()));
                cache.put(r.webhookId(), c);
            }
            template = c.template();
        }
        return render(template, contentType(r.settings().header("Content-Type")), r.event(), r.webhookId(),
                r.webhookName(), r.token(), r.secrets());
    }

    private String render(Template template, String contentType, StoredEvent event, String webhookId, String name,
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
