package io.plugboard.host.internal.web.http;

import io.javalin.http.Context;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.Role;
import io.plugboard.host.internal.auth.TokenScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What plugins' pages and JSON routes are told about a request, in the SDK's terms: who calls (an SDK
 * {@code Caller}, from what the access check put on the request) and the request headers.
 */
public final class PluginRequestParts {

    /** The headers that carry credentials: kept from plugins. */
    public static final Set<String> WITHHELD = Set.of("authorization", "cookie", "x-csrf-token", "proxy-authorization");

    private PluginRequestParts() {
    }

    /** @return the caller of an API request, as the access check found them */
    public static io.plugboard.sdk.web.Caller apiCaller(Context ctx) {
        String kind = ctx.attribute(AccessNames.CALLER_KIND_ATTRIBUTE);
        ApiTokens.Verified token = ctx.attribute(AccessNames.API_TOKEN_ATTRIBUTE);
        if ("token".equals(kind) && token != null) {
            TokenScope scope = token.scope();
            return new io.plugboard.sdk.web.Caller(io.plugboard.sdk.web.Caller.Kind.TOKEN, token.id(), token.name(),
                    scope == TokenScope.ADMIN ? Role.ADMIN.key() : Role.VIEWER.key(), Set.of(scope.key()));
        }
        AdminUsers.AdminUser admin = ctx.attribute(AccessNames.API_ADMIN_ATTRIBUTE);
        if (admin == null) {
            throw new IllegalStateException("an API request reached a plugin route without a caller");
        }
        return account("basic".equals(kind) ? io.plugboard.sdk.web.Caller.Kind.BASIC
                : io.plugboard.sdk.web.Caller.Kind.APPLICATION, admin.id(), admin.username(), admin.role());
    }

    /** @return the caller of an admin page: a signed-in account or the application's principal */
    public static io.plugboard.sdk.web.Caller adminCaller(Caller caller) {
        return account(caller.fromApp() ? io.plugboard.sdk.web.Caller.Kind.APPLICATION
                : io.plugboard.sdk.web.Caller.Kind.SESSION, caller.accountId(), caller.name(), caller.role());
    }

    /** An account or principal has the scope that matches its role: what a token of theirs could at most do. */
    private static io.plugboard.sdk.web.Caller account(io.plugboard.sdk.web.Caller.Kind kind, String id, String name,
                                                        Role role) {
        String scope = role.mayChange() ? TokenScope.ADMIN.key() : TokenScope.READ.key();
        return new io.plugboard.sdk.web.Caller(kind, id, name, role.key(), Set.of(scope));
    }

    /**
     * @return every request header by its lower-case name, with its values in order, except the caller's
     *     credentials ({@link #WITHHELD}): a plugin learns who calls from the caller, and never holds a
     *     secret it could log
     */
    public static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            if (WITHHELD.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            all.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .addAll(Collections.list(ctx.req().getHeaders(name)));
        }
        all.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(all);
    }
}
