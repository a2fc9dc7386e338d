package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.inbound.ReceivedEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/received-events}: events that arrived through inbound webhooks, newest first, with their origin. */
final class ReceivedEventsPage {

    static final int PAGE_SIZE = 50;

    private final ReceivedEvents received;
    private final AdminView view;

    ReceivedEventsPage(ReceivedEvents received, AdminView view) {
        this.received = received;
        this.view = view;
    }

    void show(Context ctx) {
        String inbound = blankToNull(ctx.queryParam("inbound"));
        String before = blankToNull(ctx.queryParam("before"));
        List<ReceivedEvents.Row> rows = received.list(io.plugboard.host.internal.common.DefaultApp.ID, inbound, before, PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("inbound", inbound);
        if (rows.size() == PAGE_SIZE) {
            model.put("nextHref", "/admin/received-events?before=" + rows.get(rows.size() - 1).eventId()
                    + (inbound == null ? "" : "&inbound=" + java.net.URLEncoder.encode(inbound, java.nio.charset.StandardCharsets.UTF_8)));
        }
        model.put("breadcrumbs", Crumb.trail("Inbound webhooks", "/admin/inbound", "Events received"));
        view.render(ctx, "received-events", "inbound", "Events received", model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
