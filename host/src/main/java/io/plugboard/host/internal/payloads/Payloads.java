package io.plugboard.host.internal.payloads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Bodies and custom headers for the formats other than the standard envelope: what the request
 * factory asks for when a webhook's format is {@code cloudevents} or {@code template}.
 */
public final class Payloads {

    /** A request body and its content type. */
    public record Body(String contentType, byte[] bytes) {}

    private final PayloadTemplates templates;
    private final TemplateBody templateBody;
    private final CloudEventBody cloudEvents;
    private final NamedSecretLookup secrets;

    /** @param secrets the secrets store, read when a request is built */
    public Payloads(ObjectMapper mapper, PayloadTemplates templates, NamedSecretLookup secrets, String siteName) {
        this.templates = templates;
        this.templateBody = new TemplateBody(templates, mapper);
        this.cloudEvents = new CloudEventBody(mapper, siteName);
        this.secrets = secrets;
    }

    /** @return a recorder of the secrets one request uses, to mask them wherever the request is shown */
    public UsedSecrets forRequest() {
        return new UsedSecrets(secrets);
    }

    /** @throws TemplateProblem if the template cannot render this event */
    public Body body(Webhook w, StoredEvent event, UsedSecrets used) {
        return switch (w.settings().payload().format()) {
            case PayloadSettings.CLOUDEVENTS -> new Body(CloudEventBody.CONTENT_TYPE, cloudEvents.body(event));
            case PayloadSettings.TEMPLATE -> new Body(TemplateBody.contentType(w.settings().payload().header("Content-Type")),
                    templateBody.render(w, event, used).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException("no payload body for format " + w.settings().payload().format());
        };
    }

    /** Renders unsaved settings (validation, previews), without the cache. */
    Body body(PayloadSettings p, String webhookId, String name, String token, StoredEvent event, UsedSecrets used) {
        if (PayloadSettings.TEMPLATE.equals(p.format())) {
            String type = TemplateBody.contentType(p.header("Content-Type"));
            return new Body(type, templateBody.render(templates.compile(p.template()), type, event, webhookId, name,
                    token, used).getBytes(StandardCharsets.UTF_8));
        }
        return new Body(CloudEventBody.CONTENT_TYPE, cloudEvents.body(event));
    }

    /** @return the custom headers with secrets filled in, without Content-Type */
    public Map<String, String> headers(PayloadSettings p, UsedSecrets used) {
        return CustomHeaders.resolve(p.headers(), used);
    }
}
