package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.auth.AccountChanges;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.common.NotFoundException;
import java.util.Set;

/**
 * {@code /api/v1/admins}: list, add (as an admin or a viewer) and delete accounts (never oneself, never the
 * last admin), and change an
 * admin's password, which needs that admin's current password (so it is one's own), counted like a login.
 */
final class AdminsApi {

    private final AdminUsers users;
    private final AccountChanges accounts;
    private final ObjectMapper mapper;

    AdminsApi(AdminUsers users, AccountChanges accounts, ObjectMapper mapper) {
        this.users = users;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/admins", ctx -> JsonBody.send(ctx, mapper, ListJson.of(users.list())));
        routes.post("/api/v1/admins", ctx -> {
            JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("username", "password", "role"));
            AdminUsers.AdminUser added = accounts.add(in.string("username"), in.string("password"), in.string("role"),
                    caller(ctx));
            JsonBody.send(ctx.status(201), mapper, users.list().stream().filter(a -> a.id().equals(added.id())).findFirst().orElseThrow());
        });
        routes.delete("/api/v1/admins/{username}", ctx -> {
            accounts.delete(ctx.pathParam("username"), caller(ctx));
            ctx.status(204);
        });
        routes.post("/api/v1/admins/{username}/password", ctx -> {
            AdminUsers.AdminUser admin = users.byName(ctx.pathParam("username"))
                    .orElseThrow(() -> new NotFoundException("no admin is named '" + ctx.pathParam("username") + "'"));
            JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("current_password", "new_password"));
            accounts.changePassword(admin, in.string("current_password"), in.string("new_password"), ctx.ip(), null);
            ctx.status(204);
        });
    }

    private static AdminUsers.AdminUser caller(Context ctx) {
        return ctx.attribute(AccessNames.API_ADMIN_ATTRIBUTE);
    }
}
