package io.plugboard.host.internal.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ConstantTime;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.ApiTokens;
import io.plugboard.host.internal.auth.AppLogin;
import io.plugboard.host.internal.auth.LoginThrottle;
import io.plugboard.host.internal.auth.Role;
import io.plugboard.host.internal.auth.TokenScope;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.LoginConfig;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.host.internal.web.http.Caller;
import io.plugboard.host.internal.web.http.JarUpload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what. The API and {@code /metrics} need {@code Authorization: Bearer <api token>}, HTTP
 * Basic with an account's credentials, or the embedding application's principal; admin pages need the
 * application's principal or a session, and every state-changing admin request the caller's CSRF
 * token. A viewer (an account or principal with that role) may only read: every other method is a 403.
 * A token scoped to one application is confined to its paths ({@link AppTokenAccess}).
 * Public: {@code /health}, the API description, the login and setup pages, static files.
 */
public final class AccessControl {

    private static final Set<String> PUBLIC_ADMIN = Set.of("/admin/login", "/admin/setup");
    /** The only changes a viewer may make on the admin pages: ending their session, and their own password. */
    private static final Set<String> VIEWER_MAY_POST = Set.of("/admin/logout", "/admin/account/password");

    private final AuthServices auth;
    private final Callers callers;
    private final LoginConfig login;
    private final long maxUploadBytes;
    private final BasePath base;

    /**
     * @param maxUploadBytes the largest plugin jar an admin form may upload
     * @param base where the paths this guards are (its handlers are registered under it)
     */
    public AccessControl(AuthServices auth, Callers callers, long maxUploadBytes, BasePath base) {
        this.auth = auth;
        this.callers = callers;
        this.login = callers.login();
        this.maxUploadBytes = maxUploadBytes;
        this.base = base;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.before("/api/*", this::requireApiCredentials);
        routes.before("/metrics", this::requireApiCredentials);
        routes.before("/admin", this::requireSession);
        routes.before("/admin/*", this::requireSession);
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
            ctx.attribute(AccessNames.CALLER_KIND_ATTRIBUTE, "token");
            ctx.attribute(AccessNames.API_TOKEN_ATTRIBUTE, token.get());
            if (token.get().app() != null) {
                AppTokenAccess.confine(ctx, token.get(), ctx.req().getMethod(), plugboardPath(ctx));
            }
            requireScope(ctx, token.get().scope(), token.get().app() != null);
            return;
        }
        if (header == null) {
            // Cross-site writes were refused above (Origin, JSON only), as for HTTP Basic, which a browser also sends by itself.
            Optional<AppLogin.Principal> principal = callers.appPrincipal(ctx);
            if (principal.isPresent()) {
                ctx.attribute(AccessNames.CALLER_KIND_ATTRIBUTE, "app");
                requireRole(ctx, principal.get().role());
                ctx.attribute(AccessNames.API_ADMIN_ATTRIBUTE,
                        new AdminUsers.AdminUser(null, principal.get().name(), principal.get().role()));
                return;
            }
        }
        if (login.ownLogin() && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)
                && basic(ctx, header.substring(6).strip())) {
            return;
        }
        if (login.ownLogin()) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Plugboard\", charset=\"UTF-8\"");
        }
        throw new ApiException(401, header == null
                ? "authentication required: send Authorization: Bearer <api token>"
                        + (login.ownLogin() ? ", or HTTP Basic with an admin's credentials" : ", or sign in to the application")
                : "the credentials were not accepted: the token is unknown or revoked"
                        + (login.ownLogin() ? ", or the user name or password is wrong" : " (HTTP Basic is turned off)"));
    }

    /** A viewer reads: GET and HEAD (the servlet's method, so X-HTTP-Method-Override cannot widen it). */
    private static void requireRole(Context ctx, Role role) {
        String method = ctx.req().getMethod();
        if (!role.mayChange() && !"GET".equals(method) && !"HEAD".equals(method)) {
            throw new ApiException(403, "viewers may only read (GET and HEAD): " + method + " " + ctx.path()
                    + " changes something and needs the 'admin' role; ask an admin to make this change",
                    Map.of("missing_role", Role.ADMIN.key()));
        }
    }

    /** The normalised path without the base path, as the checks here name paths; every guarded path is under it. */
    private String plugboardPath(Context ctx) {
        return WebPaths.plugboardPath(base, ctx.path());
    }

    /**
     * The servlet's method, so that X-HTTP-Method-Override cannot widen what a read token may do.
     *
     * @param forApplication the token is scoped to one application, where a change needs {@code write}
     */
    private void requireScope(Context ctx, TokenScope scope, boolean forApplication) {
        String method = ctx.req().getMethod();
        String path = plugboardPath(ctx);
        if (!scope.permits(method, path)) {
            TokenScope needed = TokenScope.needed(method, path);
            if (forApplication && needed == TokenScope.ADMIN) {
                needed = TokenScope.WRITE; // what an application's token that may change things has
            }
            throw new ApiException(403, "this token's scope '" + scope.key() + "' allows " + scope.allows()
                    + "; " + method + " " + ctx.path() + " needs the '" + needed.key() + "' scope"
                    + (needed == TokenScope.ADMIN || forApplication ? "" : " (or 'admin')"),
                    Map.of("missing_scope", needed.key()));
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
        ctx.attribute(AccessNames.CALLER_KIND_ATTRIBUTE, "basic");
        requireRole(ctx, admin.get().role());
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
        String path = plugboardPath(ctx);
        if (PUBLIC_ADMIN.contains(path)) {
            if (!login.ownLogin()) {
                signInElsewhere(ctx, 404);
            }
            return;
        }
        Optional<Caller> caller = callers.admin(ctx);
        if (caller.isEmpty() && !login.ownLogin()) {
            signInElsewhere(ctx, 401);
            return;
        }
        if (caller.isEmpty()) {
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
        ctx.attribute(AccessNames.CALLER_ATTRIBUTE, caller.get());
        // The servlet method, not ctx.method(): that one honours X-HTTP-Method-Override.
        if (!"GET".equals(ctx.req().getMethod()) && !"HEAD".equals(ctx.req().getMethod())) {
            if (!caller.get().role().mayChange() && !VIEWER_MAY_POST.contains(path)) {
                throw new ApiException(403, "you are signed in as a viewer: viewers can see everything but change "
                        + "nothing, so this was not done; ask an admin to make this change");
            }
            String header = ctx.header(AccessNames.CSRF_HEADER);
            String sent = header != null ? header : csrfField(ctx);
            if (!ConstantTime.same(sent, caller.get().csrfToken())) {
                throw new ApiException(403, "the form's security token is missing or out of date; "
                        + "reload the page and try again");
            }
        }
    }

    /**
     * Plugboard's own login is off and the application vouched for nobody: to the application's login
     * page (with the requested page as {@code {next}} for a GET), or else this status.
     */
    private void signInElsewhere(Context ctx, int status) {
        if (login.loginUrl() == null) {
            throw new ApiException(status, status == 404
                    ? "Plugboard's own login is turned off here: sign in through the application"
                    : "sign in to the application first: Plugboard's own login is turned off here");
        }
        String next = "GET".equals(ctx.req().getMethod()) && status == 401
                ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : base.url("/admin");
        String target = login.loginUrl().replace("{next}", URLEncoder.encode(next, StandardCharsets.UTF_8));
        if (target.startsWith("/") && !base.isRoot()) {
            // A path of the application's own, not under the base path: made absolute, so BasePathRoutes,
            // which prefixes the paths Plugboard's handlers redirect to, leaves it alone.
            target = ctx.scheme() + "://" + ctx.host() + target;
        }
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.header("HX-Redirect", target).status(401).skipRemainingHandlers();
        } else {
            ctx.redirect(target);
        }
    }
}
