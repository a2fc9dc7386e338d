package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.plugboard.host.internal.auth.AppLogin;
import io.plugboard.host.internal.auth.PrincipalCsrf;
import io.plugboard.host.internal.auth.Sessions;
import io.plugboard.host.internal.common.RandomTokens;
import io.plugboard.host.internal.config.LoginConfig;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.Caller;
import java.util.Optional;

/**
 * Who makes a request: the embedding application's principal, asked first, else (while Plugboard's
 * own login is on) the admin's session.
 */
public final class Callers {

    private final Sessions sessions;
    private final LoginConfig login;
    private final PrincipalCsrf csrf;

    public Callers(Sessions sessions, LoginConfig login, PrincipalCsrf csrf) {
        this.sessions = sessions;
        this.login = login;
        this.csrf = csrf;
    }

    LoginConfig login() {
        return login;
    }

    /** @return the application's principal, if it vouches for this request */
    Optional<AppLogin.Principal> appPrincipal(Context ctx) {
        return login.app().flatMap(app -> app.who(new ContextRequest(ctx)));
    }

    /** @return who is signed in for an admin page or form */
    Optional<Caller> admin(Context ctx) {
        Optional<AppLogin.Principal> principal = appPrincipal(ctx);
        if (principal.isPresent()) {
            AppLogin.Principal p = principal.get();
            return Optional.of(new Caller(p.name(), p.role(), null, csrf.token(p, seed(ctx)), login.logoutUrl()));
        }
        if (!login.ownLogin()) {
            return Optional.empty();
        }
        return sessions.find(ctx.cookie(AccessNames.SESSION_COOKIE))
                .map(s -> new Caller(s.username(), s.role(), s.userId(), s.csrfToken(), null));
    }

    /**
     * The browser's CSRF seed, set when missing. It lives as long as the browser session (no
     * expiry); {@code SameSite=Lax} so that following a link from the application keeps it.
     */
    private static String seed(Context ctx) {
        String seed = ctx.cookie(AccessNames.CSRF_SEED_COOKIE);
        if (seed == null || !seed.matches("[A-Za-z0-9_-]{43}")) {
            seed = RandomTokens.next();
            Cookie cookie = new Cookie(AccessNames.CSRF_SEED_COOKIE, seed);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.LAX);
            cookie.setSecure("https".equals(ctx.scheme()));
            ctx.cookie(cookie);
        }
        return seed;
    }
}
