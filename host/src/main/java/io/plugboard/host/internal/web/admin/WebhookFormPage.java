package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.EndpointAccess;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.PluginFields;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookChanges;
import io.plugboard.host.internal.outbound.WebhookDestination;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The add and edit forms. Invalid input re-renders the form with what was typed and a message per
 * field (status 400). "Generate" fills in a fresh token and "Preview" shows the request the settings
 * would send, both without saving, so they work without JavaScript. Where the webhook delivers is
 * chosen first ({@link WhereTo}, step 1 of two when a destination plugin is installed).
 */
final class WebhookFormPage {

    /** What the form shows in its fields; the rate limit as typed (empty: the host's default). */
    record Fields(String name, String url, boolean enabled, String token, String rateLimit, AccessFields access) {

        /** @return the typed rate limit, null if empty; unreadable text is kept in {@code errors} */
        Double rateLimitValue(Map<String, String> errors) {
            if (rateLimit.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(rateLimit.strip());
            } catch (NumberFormatException e) {
                errors.put("rate_limit", "rate_limit must be a number of requests per second, such as 5 or 0.5");
                return null;
            }
        }
    }

    private final WebhookService webhooks;
    private final FormPreview preview;
    private final WhereTo whereTo;
    private final WebhookFormView form;

    WebhookFormPage(WebhookService webhooks, EventTypeRegistry registry, OutboundCatalog catalog, AdminView view,
                    RequestPreview preview, Function<Webhook, RateLimitNote> rateNotes) {
        this.webhooks = webhooks;
        this.preview = new FormPreview(preview);
        this.whereTo = new WhereTo(catalog);
        this.form = new WebhookFormView(registry, catalog, whereTo, view, webhooks.pluginFields(), rateNotes);
    }

    void showNew(Context ctx) {
        List<String> preselected = ctx.queryParams("event");
        String url = ctx.queryParam("url");
        String chosen = ctx.queryParam("destination");
        var entry = whereTo.find(chosen);
        boolean choose = "choose".equals(ctx.queryParam("where")) || (url == null && whereTo.hasChoice());
        if (entry.isEmpty() && (chosen != null || choose)) {
            form.chooseWhere(ctx, null, chosen, preselected);
            return;
        }
        var where = whereTo.chosen(entry.orElse(OutboundCatalog.HTTP), Map.of(), Map.of());
        form.render(ctx, null, where, new Fields("", url == null ? "" : url, true, "", "", AccessFields.EMPTY), PayloadFields.EMPTY,
                preselected,
                Map.of(), null);
    }

    void create(Context ctx) {
        Fields fields = fields(ctx);
        PayloadFields payload = PayloadFields.of(ctx, form.catalog());
        WebhookDestination destination = whereTo.read(ctx);
        List<String> events = ctx.formParams("events");
        if (ctx.formParam("generate_token") != null) {
            form.render(ctx, null, whereTo.retyped(destination, null, Map.of()), withNewToken(fields), payload, events,
                    Map.of(), null);
            return;
        }
        if (ctx.formParam("preview") != null) {
            showPreview(ctx, null, destination, fields, payload, events);
            return;
        }
        Map<String, String> unreadable = new HashMap<>();
        Double rateLimit = fields.rateLimitValue(unreadable);
        try {
            Webhook created = webhooks.create(DefaultApp.ID, new WebhookSettings(fields.name(), destination.isHttp() ? fields.url() : null,
                    events, fields.enabled(), fields.token(), payload.settings(), destination, rateLimit,
                    destination.isHttp() ? fields.access().changes().applyTo(EndpointAccess.NONE) : EndpointAccess.NONE),
                    unreadable, pluginInput(ctx, null));
            form.view().flash(ctx, "Webhook \u201c" + created.name() + "\u201d created. Its signing secret is on its edit page.");
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            form.render(ctx, null, whereTo.retyped(destination, null, e.fieldErrors()), fields, payload, events,
                    e.fieldErrors(), null);
        }
    }

    void showEdit(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        String chosen = ctx.queryParam("destination");
        var entry = whereTo.find(chosen);
        if ("choose".equals(ctx.queryParam("where")) || (chosen != null && entry.isEmpty())) {
            form.chooseWhere(ctx, w, chosen, List.of());
            return;
        }
        boolean switching = entry.isPresent() && !entry.get().id().equals(w.settings().destination().type());
        var where = switching ? whereTo.chosen(entry.get(), Map.of(), Map.of()) : whereTo.current(w, Map.of());
        form.render(ctx, w, where, new Fields(w.name(), w.url() == null ? "" : w.url(), w.enabled(), "",
                RateLimitNote.shown(w.settings().rateLimit()), AccessFields.of(w)),
                PayloadFields.of(w.settings().payload(), form.catalog().shownFormatSettings(w)), w.events(), Map.of(), null);
    }

    void update(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        Fields fields = fields(ctx);
        PayloadFields payload = PayloadFields.of(ctx, form.catalog());
        WebhookDestination destination = whereTo.read(ctx);
        List<String> events = ctx.formParams("events");
        if (ctx.formParam("generate_token") != null) {
            form.render(ctx, w, whereTo.retyped(destination, w, Map.of()), withNewToken(fields), payload, events,
                    Map.of(), null);
            return;
        }
        if (ctx.formParam("preview") != null) {
            showPreview(ctx, w, destination, fields, payload, events);
            return;
        }
        boolean clearToken = ctx.formParam("clear_token") != null;
        boolean newToken = !fields.token().isBlank();
        // A destination whose plugin is not active has settings nobody can show: they stay as they are.
        boolean unknownKept = destination.type().equals(w.settings().destination().type())
                && whereTo.find(destination.type()).isEmpty();
        // Likewise the settings of a format whose plugin is not active.
        boolean formatKnown = form.catalog().format(payload.format()).isPresent();
        Map<String, String> unreadable = new HashMap<>();
        Double rateLimit = fields.rateLimitValue(unreadable);
        try {
            PayloadSettings p = payload.settings();
            Webhook updated = webhooks.update(DefaultApp.ID, w.id(), new WebhookChanges(fields.name(),
                    destination.isHttp() ? fields.url() : null, events,
                    fields.enabled(), clearToken || newToken, newToken ? fields.token() : null,
                    new PayloadSettings.Changes(p.format(), true, p.template(), p.headers(), true, p.filter(),
                            formatKnown ? p.formatSettings() : null), unknownKept ? null : destination, true, rateLimit,
                    destination.isHttp() ? fields.access().changes() : EndpointAccess.Changes.REMOVE),
                    unreadable, pluginInput(ctx, w.id()));
            form.view().flash(ctx, "Webhook \u201c" + updated.name() + "\u201d saved.");
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            form.render(ctx, w, whereTo.retyped(destination, w, e.fieldErrors()), fields, payload, events,
                    e.fieldErrors(), null);
        }
    }

    private void showPreview(Context ctx, Webhook w, WebhookDestination destination, Fields fields, PayloadFields payload,
                             List<String> events) {
        String token = !fields.token().isBlank() ? fields.token() : w != null ? w.settings().token() : null;
        FormPreview.Shown shown = preview.of(fields.name(), destination.isHttp() ? fields.url() : null, token, payload,
                ctx.formParam("preview_event"), events);
        if (!shown.errors().isEmpty()) {
            ctx.status(400);
        }
        form.render(ctx, w, whereTo.retyped(destination, w, Map.of()), fields, payload, events, shown.errors(), shown);
    }

    /** What the form sent for the fields of every plugin that adds some (their errors come with the webhook's). */
    private WebhookService.FieldInput pluginInput(Context ctx, String webhookId) {
        PluginFields fields = webhooks.pluginFields();
        return new WebhookService.FieldInput(fields == null ? Map.of()
                : PluginFieldGroups.input(ctx, fields.declared(webhookId)), true);
    }

    private Fields withNewToken(Fields f) {
        return new Fields(f.name(), f.url(), f.enabled(), webhooks.newToken(), f.rateLimit(), f.access());
    }

    private static Fields fields(Context ctx) {
        return new Fields(text(ctx.formParam("name")), text(ctx.formParam("url")), ctx.formParam("enabled") != null,
                text(ctx.formParam("token")), text(ctx.formParam("rate_limit")), AccessFields.of(ctx));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
