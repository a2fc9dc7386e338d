package io.plugboard.host;

import java.util.Optional;

/**
 * The embedding application's login, so its users need no second one: given a request to the admin
 * ({@code /admin}) or the API ({@code /api}, {@code /metrics}), say who makes it. Set it with
 * {@link PlugboardBuilder#authenticator(AdminAuthenticator)}.
 *
 * <p>It is asked first, on every such request except an API request that carries an
 * {@code Authorization} header (an API token or HTTP Basic, checked as before). A principal is signed
 * in for that request alone: Plugboard keeps no session for it. An empty answer falls back to
 * Plugboard's own login (its session cookie and login form), unless
 * {@link PlugboardBuilder#ownLogin(boolean) ownLogin(false)} turned that off; then the admin
 * redirects to {@link PlugboardBuilder#loginUrl(String) the application's login} and the API answers
 * 401. Forms and htmx actions of a principal still need the CSRF token the admin's pages carry.
 *
 * <p>Two typical ones: trusting the application's own session cookie,
 * <pre>{@code
 * request -> request.cookie("shop_session").flatMap(shopSessions::find)
 *         .filter(user -> user.isStaff())
 *         .map(user -> user.isOwner() ? AdminPrincipal.admin(user.email()) : AdminPrincipal.viewer(user.email()))
 * }</pre>
 * and an SSO proxy's headers, trusted only from the proxy's address:
 * <pre>{@code
 * request -> request.remoteAddress().equals("10.0.0.5")
 *         ? request.header("X-Forwarded-User").map(user -> List.of(request.header("X-Forwarded-Groups").orElse("")
 *                 .split(",")).contains("plugboard-admins") ? AdminPrincipal.admin(user) : AdminPrincipal.viewer(user))
 *         : Optional.empty()
 * }</pre>
 *
 * <p>It runs on the request's thread for every admin page, form and API call, so it should be
 * quick (a lookup, not a remote call per request). An exception it throws is answered with 500 and
 * logged; nobody is signed in by it.
 */
@FunctionalInterface
public interface AdminAuthenticator {

    /**
     * @param request the request
     * @return who makes it, or empty when the application does not know
     */
    Optional<AdminPrincipal> authenticate(AdminRequest request);
}
