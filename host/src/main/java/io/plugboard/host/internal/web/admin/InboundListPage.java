package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.inbound.InboundPage;
import io.plugboard.host.internal.inbound.InboundQuery;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundWebhook;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** {@code /admin/inbound}: the inbound webhooks, searchable by name, state and receiver. */
final class InboundListPage {

    static final int PAGE_SIZE = 50;

    record Row(InboundWebhook webhook, String newerVersion, boolean receiverAvailable) {}

    private final InboundService inbound;
    private final AdminView view;

    InboundListPage(InboundService inbound, AdminView view) {
        this.inbound = inbound;
        this.view = view;
    }

    void show(Context ctx) {
        String q = blankToNull(ctx.queryParam("q"));
        String receiver = blankToNull(ctx.queryParam("receiver"));
        InboundWebhook.State state = state(ctx.queryParam("state"));
        int pageNo = page(ctx.queryParam("page"));
        InboundPage page = inbound.search(new InboundQuery(q, state, receiver, PAGE_SIZE, (pageNo - 1) * PAGE_SIZE));
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("state", state == null ? "" : state.name());
        model.put("receiver", receiver == null ? "" : receiver);
        model.put("receivers", inbound.receivers().all());
        // The menu hides Inbound while no receiver runs; reached by URL, the page says why nothing can arrive.
        model.put("noReceivers", inbound.receivers().all().isEmpty());
        model.put("rows", page.data().stream().map(w -> new Row(w, inbound.newerVersion(w),
                inbound.receivers().find(w.receiverId()).isPresent())).toList());
        model.put("total", page.total());
        boolean searching = q != null || state != null || receiver != null;
        model.put("searching", searching);
        String query = (q == null ? "" : "&q=" + enc(q)) + (state == null ? "" : "&state=" + state.name())
                + (receiver == null ? "" : "&receiver=" + enc(receiver));
        if (pageNo > 1) {
            model.put("prevHref", "/admin/inbound?page=" + (pageNo - 1) + query);
        }
        if ((long) pageNo * PAGE_SIZE < page.total()) {
            model.put("nextHref", "/admin/inbound?page=" + (pageNo + 1) + query);
        }
        model.put("pageNo", pageNo);
        view.render(ctx, "inbound-list", "inbound", "Inbound webhooks", model);
    }

    private static InboundWebhook.State state(String value) {
        return InboundWebhook.State.parse(value).orElse(null);
    }

    private static int page(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
