package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The admin's error page: the status, what went wrong, and the details in words. For an htmx request
 * the same message goes into the flash region of the page the user is on.
 */
public final class ErrorPage {

    private final AdminView view;

    public ErrorPage(AdminView view) {
        this.view = view;
    }

    public void render(Context ctx, int status, String message, Object details) {
        ctx.status(status);
        Map<String, Object> model = Map.of("status", status, "message", message, "details", lines(details));
        if (AdminView.htmx(ctx)) {
            ctx.header("HX-Retarget", "#flash-region");
            ctx.header("HX-Reswap", "innerHTML");
            view.fragment(ctx, "error-alert", model);
            return;
        }
        view.render(ctx, "error", "", "Error " + status, model);
    }

    private static List<String> lines(Object details) {
        if (details instanceof Map<?, ?> map) {
            return map.values().stream().map(String::valueOf).toList();
        }
        if (details instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
