package io.plugboard.host.internal.web.http;

/**
 * The names the access checks and the pages share: the session cookie, the request attributes the
 * checks leave for the handlers, and where the CSRF token travels.
 */
public final class AccessNames {

    public static final String SESSION_COOKIE = "plugboard_session";
    /** The admin's live session, put on the request by the access check. */
    public static final String SESSION_ATTRIBUTE = "plugboard.session";
    public static final String CSRF_FIELD = "_csrf";
    /** The admin's htmx requests send the token in this header too (a cross-site form cannot set it). */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The admin whose HTTP Basic credentials an API request carried; absent for a token. */
    public static final String API_ADMIN_ATTRIBUTE = "plugboard.apiAdmin";

    private AccessNames() {}
}
