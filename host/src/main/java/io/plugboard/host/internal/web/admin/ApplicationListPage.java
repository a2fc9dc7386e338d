package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.apps.Holdings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/applications}: every application, the default first, with what each holds. */
final class ApplicationListPage {

    static final int PAGE_SIZE = 50;

    /**
     * One row: the application, its holdings, its allowed event types in words, and when it was created (null for
     * the default application made by the migration, whose time is not known).
     */
    record Row(Application app, Holdings holdings, String eventTypes, Instant created) {}

    private final Applications apps;
    private final AdminView view;

    ApplicationListPage(Applications apps, AdminView view) {
        this.apps = apps;
        this.view = view;
    }

    void show(Context ctx) {
        int pageNo = Pager.number(ctx.queryParam("page"));
        long total = apps.count();
        List<Row> rows = apps.list(PAGE_SIZE, Pager.offset(pageNo, PAGE_SIZE)).stream()
                .map(a -> new Row(a, apps.holdings(a.id()), eventTypes(a),
                        a.createdAt().toEpochMilli() == 0 ? null : a.createdAt())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("total", total);
        // Only the default application exists: the empty state explains what the others are for.
        model.put("onlyDefault", total <= 1 && pageNo == 1);
        model.put("pager", Pager.of(pageNo, PAGE_SIZE, total, "/admin/applications?"));
        view.render(ctx, "applications", "applications", "Applications", model);
    }

    static String eventTypes(Application a) {
        List<String> patterns = a.allowedEventTypes().patterns();
        return patterns == null ? "all" : patterns.isEmpty() ? "none" : String.join(", ", patterns);
    }
}
