package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.sdk.hooks.AdminHome;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookPage;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/webhooks}: the table of webhooks with search, page links and the last test's result; each
 * row says where the webhook delivers and, when its destination or format plugin is not active, that its
 * deliveries wait.
 */
final class WebhookListPage {

    static final int PAGE_SIZE = 50;

    /** The last delivery status as a badge: "ok", "failed" or "none". */
    record Row(Webhook webhook, String eventList, List<String> unavailable, String statusLabel, String statusClass,
               String destinationLabel, String target, boolean destinationUnavailable, boolean formatUnavailable) {

        static Row of(Webhook w, EventTypeRegistry eventTypes, OutboundCatalog catalog) {
            String label;
            String css;
            if (w.stats().lastAttemptAt() == null) {
                label = "never";
                css = "none";
            } else if (w.stats().lastError() == null) {
                label = String.valueOf(w.stats().lastStatus());
                css = "ok";
            } else {
                label = w.stats().lastStatus() != null ? String.valueOf(w.stats().lastStatus()) : "error";
                css = "failed";
            }
            List<String> unavailable = w.events().stream().filter(k -> !eventTypes.contains(k)).toList();
            String type = w.settings().destination().type();
            String destination = w.settings().destination().isHttp() ? "HTTP"
                    : catalog.destination(type).map(OutboundCatalog.Entry::label).orElse(type);
            return new Row(w, String.join(", ", w.events()), unavailable, label, css, destination, catalog.target(w),
                    !catalog.destinationAvailable(w), !catalog.formatAvailable(w));
        }

        public String format() {
            return webhook.settings().payload().format();
        }

        public String filter() {
            return webhook.settings().payload().filter();
        }
    }

    private final WebhookService webhooks;
    private final DeliveryStore attempts;
    private final AdminView view;
    private final EventTypeRegistry eventTypes;
    private final OutboundCatalog catalog;

    WebhookListPage(WebhookService webhooks, DeliveryStore attempts, AdminView view, EventTypeRegistry eventTypes,
                    OutboundCatalog catalog) {
        this.catalog = catalog;
        this.webhooks = webhooks;
        this.eventTypes = eventTypes;
        this.attempts = attempts;
        this.view = view;
    }

    void show(Context ctx) {
        String q = ctx.queryParam("q");
        int pageNo = Pager.number(ctx.queryParam("page"));
        WebhookPage page = webhooks.search(DefaultApp.ID, new WebhookQuery(q, null, null, PAGE_SIZE, Pager.offset(pageNo, PAGE_SIZE)));
        Map<String, Object> model = new HashMap<>();
        boolean searching = q != null && !q.isBlank();
        model.put("q", q == null ? "" : q);
        model.put("rows", page.data().stream().map(w -> Row.of(w, eventTypes, catalog)).toList());
        model.put("total", page.total());
        model.put("searching", searching);
        String base = "/admin/webhooks?" + (searching ? "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&" : "");
        model.put("pager", Pager.of(pageNo, PAGE_SIZE, page.total(), base));
        model.put("pastEnd", page.data().isEmpty() && page.total() > 0);
        TestResultView.load(ctx.queryParam("tested"), attempts, webhooks).ifPresent(t -> model.put("tested", t));
        // The admin's home: plugins' widgets at the top (admin_home); nothing is built when none is added.
        if (view.hooks().has(CoreHooks.ADMIN_HOME)) {
            model.put("widgets", view.hooks().applyFilters(CoreHooks.ADMIN_HOME, new AdminHome(List.of())).widgets());
        }
        view.render(ctx, "webhooks", "webhooks", "Webhooks", model);
    }
}
