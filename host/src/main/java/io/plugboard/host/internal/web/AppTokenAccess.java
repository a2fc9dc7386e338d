package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.host.internal.web.http.AppScopes;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a token scoped to one application may go: its application's paths ({@code /api/v1/apps/{app}/…}),
 * where it confines {@link AppScopes} to that application (another application's ids are then not found:
 * a 404, so it learns nothing of them), and the event type catalog, read-only. Everything else, host-wide,
 * is a 403 saying where to go instead; so is changing or deleting the application itself.
 */
final class AppTokenAccess {

    /** An application's own path, and what follows it (empty for the application itself). */
    private static final Pattern APP_PATH = Pattern.compile("/api/v1/apps/([^/]+)(/.*)?");

    private AppTokenAccess() {
    }

    /**
     * @param method the servlet's method, not one overridden by a header
     * @param path the Plugboard-relative, normalised path
     * @throws ApiException 403 outside its application
     */
    static void confine(Context ctx, ApiTokens.Verified token, String method, String path) {
        boolean reads = "GET".equals(method) || "HEAD".equals(method);
        Matcher m = APP_PATH.matcher(path);
        if (m.matches()) {
            if (m.group(2) == null && !reads) {
                throw new ApiException(403, "a token scoped to application " + token.app() + " may work within it but "
                        + "not change or delete the application itself; use a token of the whole host (admin)",
                        Map.of("app", token.app()));
            }
            ctx.attribute(AppScopes.CONFINED_TO_ATTRIBUTE, token.app());
            return;
        }
        if (reads && (path.equals("/api/v1/event-types") || path.startsWith("/api/v1/event-types/"))) {
            return; // the catalog: what an application's webhooks may subscribe to
        }
        throw new ApiException(403, "this token is scoped to application " + token.app() + ": use the paths under "
                + "/api/v1/apps/" + token.app() + "/ (e.g. /api/v1/apps/" + token.app() + "/webhooks); " + method + " "
                + path + " is outside it", Map.of("app", token.app()));
    }
}
