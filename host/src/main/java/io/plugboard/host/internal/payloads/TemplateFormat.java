package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The {@code template} format: the body rendered from the webhook's Handlebars template
 * ({@link TemplateBody}), its content type chosen by a custom {@code Content-Type} header (JSON by default).
 * On save the template must compile, refer only to existing secrets, and render each subscribed event
 * type's sample (as valid JSON when the content type is JSON).
 */
final class TemplateFormat implements PayloadFormat {

    static final String ID = "template";
    private static final List<Setting> SETTINGS = List.of(Setting.builder("template", SettingType.TEXT)
            .label("Template").required()
            .help("Handlebars, at most " + PayloadTemplates.MAX_TEMPLATE_LENGTH + " characters").build());

    private final TemplateBody body;

    TemplateFormat(TemplateBody body) {
        this.body = body;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Template (your own body)";
    }

    @Override
    public String contentType() {
        return TemplateBody.contentType(null);
    }

    @Override
    public List<Setting> settings() {
        return SETTINGS;
    }

    @Override
    public boolean contentTypeFromHeaders() {
        return true;
    }

    @Override
    public boolean readsSecrets() {
        return true;
    }

    @Override
    public RenderedBody render(RenderRequest request) {
        return RenderedBody.of(TemplateBody.contentType(request.settings().header("Content-Type")),
                body.render(request).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void check(FormatCheck check, Map<String, String> errors) {
        String template = check.settings().template();
        if (template == null) {
            errors.put("template", "a template is required with format \"" + ID + "\"");
            return;
        }
        if (template.length() > PayloadTemplates.MAX_TEMPLATE_LENGTH) {
            errors.put("template", "the template must be at most " + PayloadTemplates.MAX_TEMPLATE_LENGTH + " characters");
            return;
        }
        String unknown = check.unknownSecrets(List.of(template));
        if (unknown != null) {
            errors.put("template", unknown);
            return;
        }
        if (errors.containsKey("headers")) {
            return;
        }
        UsedSecrets masked = new UsedSecrets(check.maskedSecrets());
        try {
            for (StoredEvent sample : check.samples()) {
                render(new RenderRequest(sample, "wh_sample", check.webhookName(), UsedSecrets.MASK, null,
                        check.settings(), masked));
            }
        } catch (TemplateProblem e) {
            errors.put("template", e.getMessage());
        }
    }
}
