package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookChanges;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.payloads.PayloadFormats;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The add and edit forms. Invalid input re-renders the form with what was typed and a message per
 * field (status 400). "Generate" fills in a fresh token and "Preview" shows the request the settings
 * would send, both without saving, so they work without JavaScript.
 */
final class WebhookFormPage {

    /** What the form shows in its fields. */
    record Fields(String name, String url, boolean enabled, String token) {}

    /** One choice of the format select, as the registry lists them. */
    record FormatChoice(String id, String label, boolean selected) {}

    private final WebhookService webhooks;
    private final EventTypeRegistry registry;
    private final PayloadFormats formats;
    private final AdminView view;
    private final FormPreview preview;

    WebhookFormPage(WebhookService webhooks, EventTypeRegistry registry, PayloadFormats formats, AdminView view,
                    RequestPreview preview) {
        this.webhooks = webhooks;
        this.registry = registry;
        this.formats = formats;
        this.view = view;
        this.preview = new FormPreview(preview);
    }

    void showNew(Context ctx) {
        List<String> preselected = ctx.queryParams("event");
        String url = ctx.queryParam("url");
        render(ctx, null, new Fields("", url == null ? "" : url, true, ""), PayloadFields.EMPTY, preselected,
                Map.of(), null);
    }

    void create(Context ctx) {
        Fields fields = fields(ctx);
        PayloadFields payload = PayloadFields.of(ctx);
        List<String> events = ctx.formParams("events");
        if (ctx.formParam("generate_token") != null) {
            render(ctx, null, withNewToken(fields), payload, events, Map.of(), null);
            return;
        }
        if (ctx.formParam("preview") != null) {
            showPreview(ctx, null, fields, payload, events);
            return;
        }
        try {
            Webhook created = webhooks.create(new WebhookSettings(fields.name(), fields.url(), events, fields.enabled(),
                    fields.token(), payload.settings()));
            view.flash(ctx, "Webhook \u201c" + created.name() + "\u201d created. Its signing secret is on its edit page.");
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, null, fields, payload, events, e.fieldErrors(), null);
        }
    }

    void showEdit(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        render(ctx, w, new Fields(w.name(), w.url(), w.enabled(), ""), PayloadFields.of(w.settings().payload()), w.events(),
                Map.of(), null);
    }

    void update(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        Fields fields = fields(ctx);
        PayloadFields payload = PayloadFields.of(ctx);
        List<String> events = ctx.formParams("events");
        if (ctx.formParam("generate_token") != null) {
            render(ctx, w, withNewToken(fields), payload, events, Map.of(), null);
            return;
        }
        if (ctx.formParam("preview") != null) {
            showPreview(ctx, w, fields, payload, events);
            return;
        }
        boolean clearToken = ctx.formParam("clear_token") != null;
        boolean newToken = !fields.token().isBlank();
        try {
            PayloadSettings p = payload.settings();
            Webhook updated = webhooks.update(w.id(), new WebhookChanges(fields.name(), fields.url(), events,
                    fields.enabled(), clearToken || newToken, newToken ? fields.token() : null,
                    new PayloadSettings.Changes(p.format(), true, p.template(), p.headers(), true, p.filter())));
            view.flash(ctx, "Webhook \u201c" + updated.name() + "\u201d saved.");
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, w, fields, payload, events, e.fieldErrors(), null);
        }
    }

    private void showPreview(Context ctx, Webhook w, Fields fields, PayloadFields payload, List<String> events) {
        String token = !fields.token().isBlank() ? fields.token() : w != null ? w.settings().token() : null;
        FormPreview.Shown shown = preview.of(fields.name(), fields.url(), token, payload, ctx.formParam("preview_event"),
                events);
        if (!shown.errors().isEmpty()) {
            ctx.status(400);
        }
        render(ctx, w, fields, payload, events, shown.errors(), shown);
    }

    private Fields withNewToken(Fields f) {
        return new Fields(f.name(), f.url(), f.enabled(), webhooks.newToken());
    }

    private static Fields fields(Context ctx) {
        return new Fields(text(ctx.formParam("name")), text(ctx.formParam("url")), ctx.formParam("enabled") != null,
                text(ctx.formParam("token")));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private void render(Context ctx, Webhook existing, Fields fields, PayloadFields payload, List<String> events,
                        Map<String, String> errors, FormPreview.Shown preview) {
        Map<String, Object> model = new HashMap<>();
        model.put("payload", payload);
        model.put("formats", formats.all().stream()
                .map(f -> new FormatChoice(f.id(), f.label(), f.id().equals(payload.format()))).toList());
        model.put("preview", preview);
        model.put("previewChoices", FormPreview.choices(registry, preview == null ? null : preview.eventType()));
        model.put("isNew", existing == null);
        model.put("webhook", existing);
        if (existing != null && existing.secrets().signingAt(Instant.now()).size() > 1) {
            model.put("previousSecretUntil", existing.secrets().previousExpiresAt());
        }
        model.put("action", existing == null ? "/admin/webhooks" : "/admin/webhooks/" + existing.id());
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("groups", EventChoices.of(registry, events));
        // The signing secret is in the page only when asked for, not on every visit of the form.
        model.put("showSecret", existing != null && "secret".equals(ctx.queryParam("reveal")));
        String title = existing == null ? "Add webhook" : "Edit webhook";
        model.put("breadcrumbs", existing == null ? Crumb.trail("Webhooks", "/admin/webhooks", title)
                : Crumb.trail("Webhooks", "/admin/webhooks", existing.name(), null, title));
        view.render(ctx, "webhook-form", "webhooks", title, model);
    }
}
