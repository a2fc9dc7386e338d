package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.webhooks.Webhook;
import io.plugboard.host.internal.webhooks.WebhookPage;
import io.plugboard.host.internal.webhooks.WebhookQuery;
import io.plugboard.host.internal.webhooks.WebhookService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** {@code /admin/webhooks}: the table of webhooks with search, paging and the last test's result. */
final class WebhookListPage {

    static final int PAGE_SIZE = 50;

    /** The last delivery status as a badge: "ok", "failed" or "none". */
    record Row(Webhook webhook, String eventList, String statusLabel, String statusClass) {

        static Row of(Webhook w) {
            String label;
            String css;
            if (w.lastAttemptAt() == null) {
                label = "never";
                css = "none";
            } else if (w.lastError() == null) {
                label = String.valueOf(w.lastStatus());
                css = "ok";
            } else {
                label = w.lastStatus() != null ? String.valueOf(w.lastStatus()) : "error";
                css = "failed";
            }
            return new Row(w, String.join(", ", w.events()), label, css);
        }
    }

    private final WebhookService webhooks;
    private final DeliveryStore attempts;
    private final AdminView view;

    WebhookListPage(WebhookService webhooks, DeliveryStore attempts, AdminView view) {
        this.webhooks = webhooks;
        this.attempts = attempts;
        this.view = view;
    }

    void show(Context ctx) {
        String q = ctx.queryParam("q");
        int pageNo = pageNumber(ctx.queryParam("page"));
        WebhookPage page = webhooks.search(new WebhookQuery(q, null, null, PAGE_SIZE, (pageNo - 1) * PAGE_SIZE));
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("rows", page.data().stream().map(Row::of).toList());
        model.put("total", page.total());
        model.put("searching", q != null && !q.isBlank());
        String query = q == null || q.isBlank() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        if (pageNo > 1) {
            model.put("prevHref", "/admin/webhooks?page=" + (pageNo - 1) + query);
        }
        if ((long) pageNo * PAGE_SIZE < page.total()) {
            model.put("nextHref", "/admin/webhooks?page=" + (pageNo + 1) + query);
        }
        model.put("pageNo", pageNo);
        TestResultView.load(ctx.queryParam("tested"), attempts, webhooks).ifPresent(t -> model.put("tested", t));
        view.render(ctx, "webhooks", "webhooks", "Webhooks", model);
    }

    private static int pageNumber(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
