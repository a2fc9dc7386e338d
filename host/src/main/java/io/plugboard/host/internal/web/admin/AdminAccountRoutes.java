package io.plugboard.host.internal.web.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.web.http.RouteGroup;

/**
 * Signing in and the settings hub: login, logout and the one-time setup, API tokens, your account and
 * the other admins, and {@code /admin/settings} (the host's configuration as the admin sees it).
 */
public final class AdminAccountRoutes implements RouteGroup {

    private final AuthServices auth;
    private final HostConfig config;
    private final TargetGuard guard;
    private final ObjectMapper mapper;
    private final AdminView view;

    public AdminAccountRoutes(AuthServices auth, HostConfig config, TargetGuard guard, ObjectMapper mapper,
                              AdminView view) {
        this.auth = auth;
        this.config = config;
        this.guard = guard;
        this.mapper = mapper;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        LoginPages login = new LoginPages(auth, view, config.admin().sessionIdleTimeout());
        routes.get("/admin/login", login::showLogin);
        routes.post("/admin/login", login::login);
        routes.post("/admin/logout", login::logout);
        routes.get("/admin/setup", login::showSetup);
        routes.post("/admin/setup", login::setup);
        TokensPage tokens = new TokensPage(auth.tokens(), view, mapper, config.sections());
        routes.get("/admin/tokens", tokens::show);
        routes.post("/admin/tokens", tokens::create);
        routes.post("/admin/tokens/{id}/revoke", tokens::revoke);
        AccountPages accounts = new AccountPages(auth.users(), auth.accounts(), view);
        routes.get("/admin/account", accounts::showAccount);
        routes.post("/admin/account/password", accounts::changePassword);
        routes.get("/admin/admins", accounts::showAdmins);
        routes.post("/admin/admins", accounts::add);
        routes.post("/admin/admins/{username}/delete", accounts::delete);
        routes.get("/admin/settings", new SettingsPage(config, guard, view)::show);
    }
}
