package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.inbound.AvailableReceiver;
import io.plugboard.host.internal.inbound.CreatedKey;
import io.plugboard.host.internal.inbound.InboundDraft;
import io.plugboard.host.internal.inbound.InboundService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/inbound/new}: choose a receiver, then name the inbound webhook and fill in the
 * receiver's settings. The answer to a successful create shows the URL with its access key, once.
 */
final class InboundCreatePage {

    private final InboundService inbound;
    private final AdminView view;

    InboundCreatePage(InboundService inbound, AdminView view) {
        this.inbound = inbound;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, inbound.receivers().find(ctx.queryParam("receiver")), "", Map.of(), Map.of());
    }

    void create(Context ctx) {
        String receiverId = ctx.formParam("receiver");
        String name = ctx.formParam("name");
        Map<String, String> settings = InboundSettingsForm.input(ctx);
        try {
            CreatedKey created = inbound.create(new InboundDraft(name, receiverId, settings, ctx.formParam("upgrade_mode")));
            showKey(ctx, view, created, "Inbound webhook created");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, inbound.receivers().find(receiverId), name == null ? "" : name, settings, e.fieldErrors());
        }
    }

    /** The page that shows a new access key, after create and after rotate. */
    static void showKey(Context ctx, AdminView view, CreatedKey created, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", created.webhook());
        model.put("url", view.absoluteUrl(ctx, created.path()));
        model.put("breadcrumbs", Crumb.trail("Inbound webhooks", "/admin/inbound", created.webhook().name()));
        view.render(ctx, "inbound-created", "inbound", title, model);
    }

    private void render(Context ctx, Optional<AvailableReceiver> receiver, String name, Map<String, String> entered,
                        Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("receivers", inbound.receivers().all());
        model.put("name", name);
        model.put("errors", InboundSettingsForm.otherErrors(errors));
        model.put("hasErrors", !errors.isEmpty());
        receiver.ifPresent(r -> {
            model.put("receiver", r);
            model.put("settings", InboundSettingsForm.fields(r, Map.of(), entered, errors));
        });
        model.put("noReceivers", inbound.receivers().all().isEmpty());
        model.put("modes", List.of("AUTO", "MANUAL"));
        model.put("breadcrumbs", Crumb.trail("Inbound webhooks", "/admin/inbound", "Add"));
        view.render(ctx, "inbound-new", "inbound", "Add inbound webhook", model);
    }
}
