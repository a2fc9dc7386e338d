package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.inspector.CapturedRequest;
import io.plugboard.host.internal.inspector.Inbox;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.inspector.SignatureCheck;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.outbound.WebhookService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/inspector}: temporary inboxes that receive requests at {@code /inspect/{id}} on any
 * instance of this host, and the requests they got, each with its signature checked against a chosen
 * webhook.
 */
final class InspectorPage {

    record Row(CapturedRequest request, SignatureCheck.Result signature) {}

    private final Inboxes inboxes;
    private final WebhookService webhooks;
    private final AdminView view;

    InspectorPage(Inboxes inboxes, WebhookService webhooks, AdminView view) {
        this.inboxes = inboxes;
        this.webhooks = webhooks;
        this.view = view;
    }

    void list(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("inboxes", inboxes.list());
        model.put("maxInboxes", Inboxes.MAX_INBOXES);
        model.put("maxRequests", Inboxes.MAX_REQUESTS);
        model.put("maxBodyKb", Inboxes.MAX_BODY_BYTES / 1024);
        view.render(ctx, "inspector", "inspector", "Request inspector", model);
    }

    void create(Context ctx) {
        String label = ctx.formParam("label") == null ? "" : ctx.formParam("label").strip();
        if (label.length() > 100) {
            throw ValidationException.of("label", "the label must be at most 100 characters");
        }
        Inbox inbox;
        try {
            inbox = inboxes.create(label.isEmpty() ? "Inbox" : label);
        } catch (ConflictException e) {
            throw ValidationException.of("inbox", e.getMessage());
        }
        view.flash(ctx, "Inbox created. It receives requests for 24 hours.");
        ctx.redirect("/admin/inspector/" + inbox.id());
    }

    void show(Context ctx) {
        Inbox inbox = inbox(ctx);
        Optional<Webhook> against = Optional.ofNullable(ctx.queryParam("webhook")).filter(s -> !s.isBlank())
                .flatMap(webhooks::find);
        List<Row> rows = inboxes.requests(inbox).stream()
                .map(r -> new Row(r, against.map(w -> SignatureCheck.check(r, w)).orElse(null))).toList();
        String loopback = inbox.loopbackUrl();
        Map<String, Object> model = new HashMap<>();
        model.put("inbox", inbox);
        model.put("publicUrl", view.absoluteUrl(ctx, inbox.path()));
        model.put("loopbackUrl", loopback);
        model.put("newWebhookHref", "/admin/webhooks/new?url=" + URLEncoder.encode(loopback, StandardCharsets.UTF_8));
        model.put("webhooks", webhooks.search(DefaultApp.ID, WebhookQuery.all()).data());
        model.put("against", against.orElse(null));
        model.put("rows", rows);
        model.put("breadcrumbs", Crumb.trail("Request inspector", "/admin/inspector", inbox.label()));
        view.render(ctx, "inspector-inbox", "inspector", "Inbox " + inbox.label(), model);
    }

    void clear(Context ctx) {
        Inbox inbox = inbox(ctx);
        inboxes.clear(inbox);
        ctx.redirect("/admin/inspector/" + inbox.id());
    }

    void delete(Context ctx) {
        Inbox inbox = inbox(ctx);
        inboxes.delete(inbox.id());
        view.flash(ctx, "Inbox deleted.");
        ctx.redirect("/admin/inspector");
    }

    private Inbox inbox(Context ctx) {
        String id = ctx.pathParam("id");
        return inboxes.find(id).orElseThrow(() -> new NotFoundException("no inbox has the id '" + id
                + "'; it may have expired"));
    }
}
