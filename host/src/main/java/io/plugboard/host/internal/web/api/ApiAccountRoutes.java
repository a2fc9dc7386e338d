package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.auth.AccountChanges;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.web.http.RouteGroup;

/** Who may call: {@code /api/v1/tokens} and {@code /api/v1/admins}. */
public final class ApiAccountRoutes implements RouteGroup {

    private final ApiTokens tokens;
    private final AdminUsers users;
    private final AccountChanges accounts;
    private final ObjectMapper mapper;
    private final Applications apps;

    /** @param apps what a token's {@code app} names */
    public ApiAccountRoutes(ApiTokens tokens, AdminUsers users, AccountChanges accounts, ObjectMapper mapper,
                            Applications apps) {
        this.apps = apps;
        this.tokens = tokens;
        this.users = users;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new TokensApi(tokens, apps, mapper).register(routes);
        new AdminsApi(users, accounts, mapper).register(routes);
    }
}
