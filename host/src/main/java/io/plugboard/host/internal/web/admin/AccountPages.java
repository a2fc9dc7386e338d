package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.auth.AccountChanges;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.Role;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.host.internal.web.http.Caller;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/account} (change one's own password) and {@code /admin/admins} (list, add with a role —
 * admin or viewer —, and delete other accounts).
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
            Caller me = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
            if (me.fromApp()) {
                throw new ApiException(409, "your account is the application's: change your password there");
            }
            accounts.changePassword(me(ctx), ctx.formParam("current_password"), replacement, ctx.ip(),
                    ctx.cookie(AccessNames.SESSION_COOKIE));
        } catch (ValidationException e) {
            ctx.status(400);
            view.render(ctx, "account", "settings", "Your account", Map.of("errors", e.fieldErrors(),
                    "breadcrumbs", CRUMBS));
            return;
        }
        Flash.set(ctx, "Password changed. Your other sessions were ended.");
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
            AdminUsers.AdminUser added = accounts.add(username, password, ctx.formParam("role"), me(ctx));
            Flash.set(ctx, (added.role() == Role.VIEWER ? "Viewer " : "Admin ") + added.username() + " added.");
            ctx.redirect("/admin/admins");
        } catch (ValidationException e) {
            ctx.status(400);
            renderAdmins(ctx, username, e.fieldErrors());
        }
    }

    void delete(Context ctx) {
        String name = ctx.pathParam("username");
        accounts.delete(name, me(ctx));
        Flash.set(ctx, "Admin " + name + " deleted; their sessions were ended.");
        ctx.redirect("/admin/admins");
    }

    private void renderAdmins(Context ctx, String username, Map<String, String> errors) {
        String self = me(ctx).id();
        Map<String, Object> model = new HashMap<>();
        model.put("admins", users.list().stream().map(a -> Map.of("username", a.username(), "role", a.role(),
                "createdAt", a.createdAt(), "self", a.id().equals(self))).toList());
        model.put("username", username);
        model.put("errors", errors);
        model.put("breadcrumbs", Crumb.trail("Settings", "/admin/settings", "Admins"));
        view.render(ctx, "admins", "settings", "Admins", model);
    }

    /** The signed-in person as the actor of a change; the application's principal has no account id. */
    private static AdminUsers.AdminUser me(Context ctx) {
        Caller caller = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
        return caller.actor();
    }
}
