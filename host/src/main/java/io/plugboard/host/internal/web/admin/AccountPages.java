package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.auth.AccountChanges;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.web.http.AccessNames;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/account} (change one's own password) and {@code /admin/admins} (list, add, and delete
 * other admins).
 */
final class AccountPages {

    /** Both pages are reached from the settings hub (and the account page from the top bar). */
    private static final java.util.List<Crumb> CRUMBS = Crumb.trail("Settings", "/admin/settings", "Your account");

    private final AdminUsers users;
    private final AccountChanges accounts;
    private final AdminView view;

    AccountPages(AdminUsers users, AccountChanges accounts, AdminView view) {
        this.users = users;
        this.accounts = accounts;
        this.view = view;
    }

    void showAccount(Context ctx) {
        view.render(ctx, "account", "settings", "Your account", Map.of("errors", Map.of(), "breadcrumbs", CRUMBS));
    }

    void changePassword(Context ctx) {
        String replacement = ctx.formParam("new_password");
        try {
            if (replacement != null && !replacement.equals(ctx.formParam("confirm"))) {
                throw ValidationException.of("confirm", "the two new passwords differ");
            }
            accounts.changePassword(me(ctx), ctx.formParam("current_password"), replacement, ctx.ip(),
                    ctx.cookie(AccessNames.SESSION_COOKIE));
        } catch (ValidationException e) {
            ctx.status(400);
            view.render(ctx, "account", "settings", "Your account", Map.of("errors", e.fieldErrors(),
                    "breadcrumbs", CRUMBS));
            return;
        }
        view.flash(ctx, "Password changed. Your other sessions were ended.");
        ctx.redirect("/admin/account");
    }

    void showAdmins(Context ctx) {
        renderAdmins(ctx, "", Map.of());
    }

    void add(Context ctx) {
        String username = ctx.formParam("username") == null ? "" : ctx.formParam("username").strip();
        String password = ctx.formParam("password");
        try {
            if (password != null && !password.equals(ctx.formParam("confirm"))) {
                throw ValidationException.of("confirm", "the two passwords differ");
            }
            AdminUsers.AdminUser added = accounts.add(username, password, me(ctx));
            view.flash(ctx, "Admin " + added.username() + " added.");
            ctx.redirect("/admin/admins");
        } catch (ValidationException e) {
            ctx.status(400);
            renderAdmins(ctx, username, e.fieldErrors());
        }
    }

    void delete(Context ctx) {
        String name = ctx.pathParam("username");
        accounts.delete(name, me(ctx));
        view.flash(ctx, "Admin " + name + " deleted; their sessions were ended.");
        ctx.redirect("/admin/admins");
    }

    private void renderAdmins(Context ctx, String username, Map<String, String> errors) {
        String self = me(ctx).id();
        Map<String, Object> model = new HashMap<>();
        model.put("admins", users.list().stream().map(a -> Map.of("username", a.username(),
                "createdAt", a.createdAt(), "self", a.id().equals(self))).toList());
        model.put("username", username);
        model.put("errors", errors);
        model.put("breadcrumbs", Crumb.trail("Settings", "/admin/settings", "Admins"));
        view.render(ctx, "admins", "settings", "Admins", model);
    }

    private static AdminUsers.AdminUser me(Context ctx) {
        Sessions.Session session = ctx.attribute(AccessNames.SESSION_ATTRIBUTE);
        return new AdminUsers.AdminUser(session.userId(), session.username());
    }
}
