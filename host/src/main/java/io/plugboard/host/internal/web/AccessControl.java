package io.plugboard.host.internal.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ConstantTime;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.LoginThrottle;
import io.plugboard.host.internal.auth.TokenScope;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.host.internal.web.http.JarUpload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what. The API and {@code /metrics} need {@code Authorization: Bearer <api token>} or
 * HTTP Basic with an admin's credentials; admin pages need a session, and every state-changing admin
 * request the session's CSRF token. Public: {@code /health}, the API description, the login and setup
 * pages, static files.
 */
public final class AccessControl {

    private static final Set<String> PUBLIC_ADMIN = Set.of("/admin/login", "/admin/setup");

    private final AuthServices auth;
    private final long maxUploadBytes;
    private final BasePath base;

    /**
     * @param maxUploadBytes the largest plugin jar an admin form may upload
     * @param base where the paths this guards are (its handlers are registered under it)
     */
    public AccessControl(AuthServices auth, long maxUploadBytes, BasePath base) {
        this.auth = auth;
        this.maxUploadBytes = maxUploadBytes;
        this.base = base;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.before("/api/*", this::requireApiCredentials);
        routes.before("/metrics", this::requireApiCredentials);
        routes.before("/admin", this::requireSession);
        routes.before("/admin/*", this::requireSession);
    }

    /** @return the caller's session, if the request carries a live one */
    public Optional<Sessions.Session> session(Context ctx) {
        return auth.sessions().find(ctx.cookie(AccessNames.SESSION_COOKIE));
    }

    private void requireApiCredentials(Context ctx) {
        if (plugboardPath(ctx).equals("/api/v1/openapi.json")) {
            return; // the API's description is public, like any published API reference
        }
        String header = ctx.header("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        refuseCrossSiteWrites(ctx, bearer);
        Optional<ApiTokens.Verified> token = bearer ? auth.tokens().verify(header.substring(7).strip()) : Optional.empty();
        if (token.isPresent()) {
            requireScope(ctx, token.get().scope());
            return;
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && basic(ctx, header.substring(6).strip())) {
            return;
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"Plugboard\", charset=\"UTF-8\"");
        throw new ApiException(401, header == null
                ? "authentication required: send Authorization: Bearer <api token>, or HTTP Basic with an admin's credentials"
                : "the credentials were not accepted: the token is unknown or revoked, or the user name or password is wrong");
    }

    /** The normalised path without the base path, as the checks here name paths; every guarded path is under it. */
    private String plugboardPath(Context ctx) {
        return WebPaths.plugboardPath(base, ctx.path());
    }

    /** The servlet's method, so that X-HTTP-Method-Override cannot widen what a read token may do. */
    private void requireScope(Context ctx, TokenScope scope) {
        String method = ctx.req().getMethod();
        String path = plugboardPath(ctx);
        if (!scope.permits(method, path)) {
            TokenScope needed = TokenScope.needed(method, path);
            throw new ApiException(403, "this token's scope '" + scope.key() + "' allows " + scope.allows()
                    + "; " + method + " " + ctx.path() + " needs the '" + needed.key() + "' scope"
                    + (needed == TokenScope.ADMIN ? "" : " (or 'admin')"), Map.of("missing_scope", needed.key()));
        }
    }

    /**
     * A browser remembers HTTP Basic credentials, so a page on another site could make it send a
     * state-changing request. Browsers send {@code Origin} on such requests and cannot send a JSON
     * content type across sites without permission: both are checked (scripts and curl send neither
     * kind of request, so they are unaffected).
     */
    private void refuseCrossSiteWrites(Context ctx, boolean bearer) {
        String method = ctx.req().getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin != null && !SameOrigin.matches(origin, ctx.scheme(), ctx.host())) {
            throw new ApiException(403, "cross-site request refused: the Origin " + origin + " is not this host");
        }
        String type = ctx.contentType();
        if (bearer && type != null && type.toLowerCase().startsWith("multipart/form-data") && isUpload(ctx)) {
            return; // a browser never sends a Bearer token on its own, so a multipart upload with one is no forgery
        }
        if (ctx.contentLength() > 0 && (type == null || !type.toLowerCase().startsWith("application/json"))) {
            throw new ApiException(415, "send the request body as JSON with Content-Type: application/json");
        }
    }

    /** The plugin upload, the only API route that takes a multipart body (and only with a Bearer token). */
    private boolean isUpload(Context ctx) {
        return "POST".equals(ctx.req().getMethod()) && plugboardPath(ctx).equals("/api/v1/plugins");
    }

    private boolean basic(Context ctx, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = decoded.substring(0, colon);
        Optional<Duration> locked = auth.throttle().lockedFor(user, ctx.ip());
        if (locked.isPresent()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, locked.get().toSeconds())));
            throw new ApiException(429, "too many failed logins for this account or address; try again in "
                    + LoginThrottle.waitText(locked.get()));
        }
        // The throttle is asked first, so a locked-out account is refused even with a remembered pair.
        Optional<AdminUsers.AdminUser> admin = auth.verifyBasic(user, decoded.substring(colon + 1));
        if (admin.isEmpty()) {
            auth.throttle().failed(user, ctx.ip(), "API, HTTP Basic");
            return false;
        }
        ctx.attribute(AccessNames.API_ADMIN_ATTRIBUTE, admin.get());
        return true;
    }

    /** The form's CSRF field; a multipart form (the plugin upload) is size-checked before it is parsed. */
    private String csrfField(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            return ctx.formParam(AccessNames.CSRF_FIELD);
        }
        JarUpload.refuseTooLarge(ctx, maxUploadBytes);
        try {
            return ctx.formParam(AccessNames.CSRF_FIELD);
        } catch (Exception e) { // Javalin rethrows the servlet's checked exceptions unchecked
            throw JarUpload.unreadable(e, maxUploadBytes);
        }
    }

    private void requireSession(Context ctx) {
        if (PUBLIC_ADMIN.contains(plugboardPath(ctx))) {
            return;
        }
        Optional<Sessions.Session> session = session(ctx);
        if (session.isEmpty()) {
            String target = "/admin/setup";
            if (auth.users().any()) {
                String next = "GET".equals(ctx.req().getMethod()) ? "?next=" + URLEncoder.encode(
                        plugboardPath(ctx) + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), StandardCharsets.UTF_8) : "";
                target = "/admin/login" + next;
            }
            if ("true".equals(ctx.header("HX-Request"))) {
                // htmx would follow a redirect and put the login page into the part it updates;
                // HX-Redirect makes it load the login page as a whole page instead. Both get the base path
                // from BasePathRoutes, like every redirect.
                ctx.header("HX-Redirect", target).status(401).skipRemainingHandlers();
            } else {
                ctx.redirect(target);
            }
            return;
        }
        ctx.attribute(AccessNames.SESSION_ATTRIBUTE, session.get());
        // The servlet method, not ctx.method(): that one honours X-HTTP-Method-Override.
        if (!"GET".equals(ctx.req().getMethod()) && !"HEAD".equals(ctx.req().getMethod())) {
            String header = ctx.header(AccessNames.CSRF_HEADER);
            String sent = header != null ? header : csrfField(ctx);
            if (!ConstantTime.same(sent, session.get().csrfToken())) {
                throw new ApiException(403, "the form's security token is missing or out of date; "
                        + "reload the page and try again");
            }
        }
    }
}
