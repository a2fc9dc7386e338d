package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.ValidationException;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.webhooks.Webhook;
import io.plugboard.host.internal.webhooks.WebhookChanges;
import io.plugboard.host.internal.webhooks.WebhookDraft;
import io.plugboard.host.internal.webhooks.WebhookService;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The add and edit forms. Invalid input re-renders the form with what was typed and a message per
 * field (status 400). "Generate" fills in a fresh token without saving, so it works without JavaScript.
 */
final class WebhookFormPage {

    /** What the form shows in its fields. */
    record Fields(String name, String url, boolean enabled, String token) {}

    private final WebhookService webhooks;
    private final EventTypeRegistry registry;
    private final AdminView view;

    WebhookFormPage(WebhookService webhooks, EventTypeRegistry registry, AdminView view) {
        this.webhooks = webhooks;
        this.registry = registry;
        this.view = view;
    }

    void showNew(Context ctx) {
        List<String> preselected = ctx.queryParams("event");
        render(ctx, null, new Fields("", "", true, ""), preselected, Map.of());
    }

    void create(Context ctx) {
        Fields fields = fields(ctx);
        List<String> events = ctx.formParams("events");
        if (ctx.formParam("generate_token") != null) {
            render(ctx, null, withNewToken(fields), events, Map.of());
            return;
        }
        try {
            Webhook created = webhooks.create(new WebhookDraft(fields.name(), fields.url(), events, fields.enabled(),
                    fields.token()));
            Flash.set(ctx, "Webhook \u201c" + created.name() + "\u201d created. Its signing secret is on its edit page.");
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, null, fields, events, e.fieldErrors());
        }
    }

    void showEdit(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        render(ctx, w, new Fields(w.name(), w.url(), w.enabled(), ""), w.events(), Map.of());
    }

    void update(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        Fields fields = fields(ctx);
        List<String> events = ctx.formParams("events");
        if (ctx.formParam("generate_token") != null) {
            render(ctx, w, withNewToken(fields), events, Map.of());
            return;
        }
        boolean clearToken = ctx.formParam("clear_token") != null;
        boolean newToken = !fields.token().isBlank();
        try {
            Webhook updated = webhooks.update(w.id(), new WebhookChanges(fields.name(), fields.url(), events,
                    fields.enabled(), clearToken || newToken, newToken ? fields.token() : null));
            Flash.set(ctx, "Webhook \u201c" + updated.name() + "\u201d saved.");
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, w, fields, events, e.fieldErrors());
        }
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

    private void render(Context ctx, Webhook existing, Fields fields, List<String> events, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("isNew", existing == null);
        model.put("webhook", existing);
        if (existing != null && existing.signingSecrets(Instant.now()).size() > 1) {
            model.put("previousSecretUntil", existing.previousSecretExpiresAt());
        }
        model.put("action", existing == null ? "/admin/webhooks" : "/admin/webhooks/" + existing.id());
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("groups", EventChoices.of(registry, events));
        // The signing secret is in the page only when asked for, not on every visit of the form.
        model.put("showSecret", existing != null && "secret".equals(ctx.queryParam("reveal")));
        String title = existing == null ? "Add webhook" : "Edit webhook";
        view.render(ctx, "webhook-form", "webhooks", title, model);
    }
}
