package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.sdk.web.Caller;
import io.plugboard.sdk.web.RouteSpec;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who may call a plugin's JSON route: its required scope, then its own check; a 403 otherwise, worded
 * like the API's own scope refusals (with {@code details.missing_scope} for a scope).
 */
final class RoutePermission {

    private RoutePermission() {
    }

    /**
     * @param requestPath the path as requested, for the message
     * @param runCheck runs the plugin's check as plugin code (its exceptions become 400 or 500)
     */
    static void check(RouteSpec spec, Caller caller, String requestPath,
                      Function<Predicate<Caller>, Boolean> runCheck) {
        String scope = spec.scope();
        if (scope != null && !caller.hasScope(scope)) {
            throw new ApiException(403, spec.method() + " " + requestPath + " needs the '" + scope + "' scope"
                    + ("admin".equals(scope) ? "" : " (or 'admin')") + "; the caller has "
                    + String.join(", ", caller.scopes().stream().sorted().map(s -> "'" + s + "'").toList()),
                    Map.of("missing_scope", scope));
        }
        if (!Boolean.TRUE.equals(runCheck.apply(spec.permission()))) {
            throw new ApiException(403, spec.refusal() == null
                    ? spec.method() + " " + requestPath + " is not allowed for this caller" : spec.refusal());
        }
    }
}
