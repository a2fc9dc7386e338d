package io.plugboard.host.internal.web.http;

/**
 * The names the access checks and the pages share: the session cookie, the request attributes the
 * checks leave for the handlers, and where the CSRF token travels.
 */
public final class AccessNames {

    public static final String SESSION_COOKIE = "plugboard_session";
    /** Who is signed in for an admin request ({@link Caller}), put on the request by the access check. */
    public static final String CALLER_ATTRIBUTE = "plugboard.caller";
    /**
     * A random value per browser that the CSRF token of the application's principals is derived from
     * (see {@code PrincipalCsrf}); Plugboard's own sessions keep their token in the session instead.
     */
    public static final String CSRF_SEED_COOKIE = "plugboard_csrf_seed";
    public static final String CSRF_FIELD = "_csrf";
    /** The admin's htmx requests send the token in this header too (a cross-site form cannot set it). */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Who made an API request: {@code token}, {@code basic}, {@code app} (the application's principal); unset: nobody. */
    public static final String CALLER_KIND_ATTRIBUTE = "plugboard.callerKind";

    /**
     * The account whose HTTP Basic credentials an API request carried, or the application's principal
     * (as an {@code AdminUser} without id); absent for a token.
     */
    public static final String API_ADMIN_ATTRIBUTE = "plugboard.apiAdmin";

    /** The API token an API request carried (an {@code ApiTokens.Verified}: id, name, scope); absent otherwise. */
    public static final String API_TOKEN_ATTRIBUTE = "plugboard.apiToken";

    private AccessNames() {}
}
