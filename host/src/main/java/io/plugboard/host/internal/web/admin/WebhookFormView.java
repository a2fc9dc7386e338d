package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.sdk.hooks.WebhookForm;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.PluginFields;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Renders the webhook form's two steps: "Where to" ({@code webhook-where}) and the form itself ({@code webhook-form}). */
final class WebhookFormView {

    /** A value a step-1 GET form carries over to step 2. */
    record Kept(String name, String value) {}

    private final EventTypeRegistry registry;
    private final OutboundCatalog catalog;
    private final WhereTo whereTo;
    private final FormatFields formats;
    private final AdminView view;
    private final PluginFields pluginFields;
    private final Function<Webhook, RateLimitNote> rateNotes;

    WebhookFormView(EventTypeRegistry registry, OutboundCatalog catalog, WhereTo whereTo, AdminView view,
                    PluginFields pluginFields, Function<Webhook, RateLimitNote> rateNotes) {
        this.rateNotes = rateNotes;
        this.pluginFields = pluginFields;
        this.registry = registry;
        this.catalog = catalog;
        this.whereTo = whereTo;
        this.formats = new FormatFields(catalog);
        this.view = view;
    }

    OutboundCatalog catalog() {
        return catalog;
    }

    AdminView view() {
        return view;
    }

    /** Step 1: the list of destinations; an unknown {@code asked} one is said so. */
    void chooseWhere(Context ctx, Webhook existing, String asked, List<String> preselected) {
        Map<String, Object> model = new HashMap<>();
        String checked = existing != null ? existing.settings().destination().type() : "http";
        model.put("choices", whereTo.choices(checked));
        if (asked != null) {
            ctx.status(400);
            model.put("error", asked.isBlank() ? "Choose where the webhook delivers."
                    : "No destination \u2018" + asked + "\u2019 is installed; choose one of the list.");
        }
        model.put("action", existing == null ? "/admin/webhooks/new" : "/admin/webhooks/" + existing.id() + "/edit");
        model.put("keep", preselected.stream().map(e -> new Kept("event", e)).toList());
        String title = existing == null ? "Add webhook" : "Edit webhook";
        model.put("breadcrumbs", existing == null ? Crumb.trail("Webhooks", "/admin/webhooks", title)
                : Crumb.trail("Webhooks", "/admin/webhooks", existing.name(), null, title));
        view.render(ctx, "webhook-where", "webhooks", title, model);
    }

    /** Step 2: the form for the chosen destination. */
    void render(Context ctx, Webhook existing, WhereTo.Chosen where, WebhookFormPage.Fields fields, PayloadFields payload,
                List<String> events, Map<String, String> errors, FormPreview.Shown preview) {
        Map<String, Object> model = new HashMap<>();
        model.put("where", where);
        if (whereTo.hasChoice() || !where.http()) {
            model.put("changeWhere", existing == null ? "/admin/webhooks/new?where=choose"
                    : "/admin/webhooks/" + existing.id() + "/edit?where=choose");
        }
        model.put("payload", payload);
        model.put("formats", formats.choices(payload.format()));
        model.put("formatGroups", formats.groups(payload, existing, errors));
        model.put("preview", preview);
        model.put("previewChoices", FormPreview.choices(registry, preview == null ? null : preview.eventType()));
        model.put("isNew", existing == null);
        model.put("webhook", existing);
        if (existing != null) {
            model.put("target", catalog.target(existing));
            model.put("destinationUnavailable", !catalog.destinationAvailable(existing));
            model.put("formatUnavailable", !catalog.formatAvailable(existing));
            model.put("rate", rateNotes.apply(existing));
            if (existing.secrets().signingAt(Instant.now()).size() > 1) {
                model.put("previousSecretUntil", existing.secrets().previousExpiresAt());
            }
        }
        model.put("action", existing == null ? "/admin/webhooks" : "/admin/webhooks/" + existing.id());
        model.put("fields", fields);
        model.put("errors", errors);
        model.put("accessErrors", AccessFields.errors(errors));
        model.put("hasErrors", !errors.isEmpty());
        model.put("groups", EventChoices.of(registry, events));
        WebhookForm fromPlugins = pluginFields == null ? null : pluginFields.form(existing == null ? null : existing.id());
        if (fromPlugins != null) { // plugins' notes and fields; nothing built without a filter
            model.put("pluginNotes", fromPlugins.notes());
            model.put("pluginGroups", PluginFieldGroups.of(ctx, pluginFields, PluginFields.declaredIn(fromPlugins),
                    existing == null ? null : existing.id(), errors));
        }
        // The signing secret is in the page only when asked for, not on every visit of the form.
        model.put("showSecret", existing != null && "secret".equals(ctx.queryParam("reveal")));
        String title = existing == null ? "Add webhook" : "Edit webhook";
        model.put("breadcrumbs", existing == null ? Crumb.trail("Webhooks", "/admin/webhooks", title)
                : Crumb.trail("Webhooks", "/admin/webhooks", existing.name(), null, title));
        view.render(ctx, "webhook-form", "webhooks", title, model);
    }
}
