package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.inbound.AvailableReceiver;
import io.plugboard.host.internal.inbound.InboundService;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/inbound/receivers/{receiver}/guide}: how to connect the tool to Plugboard, as the
 * receiver's plugin wrote it (Markdown in its jar), for the version that is installed.
 */
final class ReceiverGuidePage {

    private final InboundService inbound;
    private final AdminView view;

    ReceiverGuidePage(InboundService inbound, AdminView view) {
        this.inbound = inbound;
        this.view = view;
    }

    void show(Context ctx) {
        String id = ctx.pathParam("receiver");
        AvailableReceiver receiver = inbound.receivers().find(id)
                .filter(r -> r.guide() != null)
                .orElseThrow(() -> new NotFoundException("no active receiver '" + id + "' has a guide"));
        Map<String, Object> model = new HashMap<>();
        model.put("receiver", receiver);
        model.put("guide", MarkdownHtml.render(receiver.guide()));
        model.put("breadcrumbs", Crumb.trail("Inbound webhooks", "/admin/inbound", "Add inbound webhook",
                "/admin/inbound/new", "Connect " + receiver.name()));
        view.render(ctx, "receiver-guide", "inbound", "Connect " + receiver.name(), model);
    }
}
