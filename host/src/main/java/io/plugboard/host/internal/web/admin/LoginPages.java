package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.sdk.hooks.AdminSignIn;
import io.plugboard.sdk.hooks.CoreHooks;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.plugboard.host.internal.common.ConstantTime;
import io.plugboard.host.internal.common.RandomTokens;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.auth.LoginThrottle;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.ApiException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout and the one-time setup of the first admin. Before there is a session, forms are
 * protected by a double-submit token: a random cookie that the form must repeat.
 */
final class LoginPages {

    private static final String PRE_SESSION_COOKIE = "plugboard_login_csrf";
    private static final Logger log = LoggerFactory.getLogger(LoginPages.class);

    private final AuthServices auth;
    private final AdminView view;
    private final Duration idleTimeout;

    LoginPages(AuthServices auth, AdminView view, Duration idleTimeout) {
        this.auth = auth;
        this.view = view;
        this.idleTimeout = idleTimeout;
    }

    void showLogin(Context ctx) {
        if (!auth.users().any()) {
            ctx.redirect("/admin/setup");
            return;
        }
        render(ctx, "login", "Log in", null, Map.of("next", safeNext(ctx.queryParam("next")),
                "username", ""));
    }

    void login(Context ctx) {
        checkPreSessionToken(ctx);
        String username = text(ctx.formParam("username"));
        String next = safeNext(ctx.formParam("next"));
        Optional<Duration> locked = auth.throttle().lockedFor(username, ctx.ip());
        if (locked.isPresent()) {
            ctx.status(429);
            render(ctx, "login", "Log in", "Too many failed logins for this account or from this address. Try again in "
                    + LoginThrottle.waitText(locked.get()) + ".", Map.of("next", next, "username", username));
            return;
        }
        Optional<AdminUsers.AdminUser> user = auth.users().verify(username, ctx.formParam("password"));
        if (user.isEmpty()) {
            auth.throttle().failed(username, ctx.ip(), "login form");
            ctx.status(401);
            render(ctx, "login", "Log in", "The user name or the password is wrong.", Map.of("next", next,
                    "username", username));
            return;
        }
        auth.throttle().succeeded(username, ctx.ip());
        log.info("Admin '{}' logged in from {}", user.get().username(), ctx.ip());
        startSession(ctx, user.get());
        ctx.redirect(next);
    }

    void logout(Context ctx) {
        auth.sessions().delete(ctx.cookie(AccessNames.SESSION_COOKIE));
        ctx.removeCookie(AccessNames.SESSION_COOKIE, view.base().cookiePath());
        ctx.redirect("/admin/login");
    }

    void showSetup(Context ctx) {
        if (auth.users().any()) {
            ctx.redirect("/admin/login");
            return;
        }
        render(ctx, "setup", "Create the first admin", null, Map.of("username", "", "errors", Map.of()));
    }

    void setup(Context ctx) {
        checkPreSessionToken(ctx);
        if (auth.users().any()) {
            throw new ApiException(403, "setup is closed: an admin already exists; log in instead");
        }
        String username = text(ctx.formParam("username"));
        String password = ctx.formParam("password");
        if (password != null && !password.equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            render(ctx, "setup", "Create the first admin", null, Map.of("username", username,
                    "errors", Map.of("confirm", "the two passwords differ")));
            return;
        }
        try {
            AdminUsers.AdminUser first = auth.users().createFirst(username, password)
                    .orElseThrow(() -> new ApiException(403, "setup is closed: an admin already exists; log in instead"));
            startSession(ctx, first);
            ctx.redirect("/admin/webhooks");
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, "setup", "Create the first admin", null, Map.of("username", username,
                    "errors", e.fieldErrors()));
        }
    }

    /** A new session id every login, so a planted cookie is worthless (session fixation). */
    private void startSession(Context ctx, AdminUsers.AdminUser user) {
        auth.sessions().delete(ctx.cookie(AccessNames.SESSION_COOKIE));
        Sessions.Created session = auth.sessions().create(user.id());
        Cookie cookie = new Cookie(AccessNames.SESSION_COOKIE, session.cookieValue());
        cookie.setPath(view.base().cookiePath());
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        cookie.setSecure("https".equals(ctx.scheme()));
        // The browser may keep it a while; the server ends the session after the idle timeout.
        cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, idleTimeout.toSeconds() * 24));
        ctx.cookie(cookie);
        ctx.removeCookie(PRE_SESSION_COOKIE, view.base().url("/admin"));
        if (view.hooks().has(CoreHooks.ADMIN_SIGNED_IN)) {
            view.hooks().doAction(CoreHooks.ADMIN_SIGNED_IN, new AdminSignIn(user.username(), user.role().key()));
        }
    }

    private void render(Context ctx, String template, String title, String error, Map<String, Object> values) {
        String token = preSessionToken(ctx);
        Map<String, Object> model = new HashMap<>(values);
        model.put("error", error);
        model.put("loginCsrf", token);
        view.render(ctx, template, "", title, model);
    }

    private String preSessionToken(Context ctx) {
        String token = ctx.cookie(PRE_SESSION_COOKIE);
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            token = RandomTokens.next();
            Cookie cookie = new Cookie(PRE_SESSION_COOKIE, token);
            cookie.setPath(view.base().url("/admin"));
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setSecure("https".equals(ctx.scheme()));
            ctx.cookie(cookie);
        }
        return token;
    }

    private static void checkPreSessionToken(Context ctx) {
        String cookie = ctx.cookie(PRE_SESSION_COOKIE);
        String field = ctx.formParam(AccessNames.CSRF_FIELD);
        if (!ConstantTime.same(cookie, field)) {
            throw new ApiException(403, "the form's security token is missing or out of date; reload the page and try again");
        }
    }

    /**
     * Only a path inside the admin, Plugboard-relative like every redirect (BasePathRoutes adds the base
     * path): never another site (open redirect).
     */
    private static String safeNext(String next) {
        if (next != null && next.startsWith("/admin") && !next.startsWith("//") && !next.contains("\\")
                && !next.startsWith("/admin/login") && !next.startsWith("/admin/setup")) {
            return next;
        }
        return "/admin/webhooks";
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
