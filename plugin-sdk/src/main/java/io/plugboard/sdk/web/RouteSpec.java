package io.plugboard.sdk.web;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A JSON route's method and path, and who may call it: a required token scope ({@link #scope}) and/or a
 * check of the {@link Caller} ({@link #allow}). A caller who does not pass is answered 403 with
 * {@code {"error": "…"}} before the handler runs.
 *
 * <pre>{@code
 * routes.add(RouteSpec.get("/exports/{id}").scope("admin"), handler);
 * routes.add(RouteSpec.post("/refunds").allow(c -> c.kind() == Caller.Kind.SESSION, "only signed-in admins refund"), handler);
 * }</pre>
 */
public final class RouteSpec {

    private final String method;
    private final String path;
    private final String scope;
    private final Predicate<Caller> permission;
    private final String refusal;

    private RouteSpec(String method, String path, String scope, Predicate<Caller> permission, String refusal) {
        this.method = method;
        this.path = path;
        this.scope = scope;
        this.permission = permission;
        this.refusal = refusal;
    }

    /** @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE} @param path the route's path @return the spec */
    public static RouteSpec of(String method, String path) {
        if (method == null || path == null) {
            throw new IllegalArgumentException("a JSON route needs a method and a path: " + method + " " + path);
        }
        return new RouteSpec(method.toUpperCase(Locale.ROOT), path, null, c -> true, null);
    }

    /** @param path the route's path @return a GET route */
    public static RouteSpec get(String path) { return of("GET", path); }

    /** @param path the route's path @return a POST route */
    public static RouteSpec post(String path) { return of("POST", path); }

    /** @param path the route's path @return a PUT route */
    public static RouteSpec put(String path) { return of("PUT", path); }

    /** @param path the route's path @return a DELETE route */
    public static RouteSpec delete(String path) { return of("DELETE", path); }

    /**
     * @param required a host token scope the caller must have: {@code read} or {@code admin}
     *                 ({@code admin} includes {@code read}); checked when the route is added
     * @return a copy that requires it
     */
    public RouteSpec scope(String required) {
        return new RouteSpec(method, path, Objects.requireNonNull(required, "scope"), permission, refusal);
    }

    /**
     * @param check passes for the callers that may call the route (added to earlier checks)
     * @param refusalMessage the 403's error message for the others, e.g. {@code only signed-in admins may refund}
     * @return a copy with the check
     */
    public RouteSpec allow(Predicate<Caller> check, String refusalMessage) {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(refusalMessage, "refusalMessage");
        return new RouteSpec(method, path, scope, permission.and(check), refusalMessage);
    }

    /** @return {@code GET}, {@code POST}, {@code PUT} or {@code DELETE} (upper case) */
    public String method() { return method; }

    /** @return the route's path, e.g. {@code /items/{id}} */
    public String path() { return path; }

    /** @return the required scope, or null when any caller the API lets in may call it */
    public String scope() { return scope; }

    /** @return the check of {@link #allow}; passes everyone when none was given */
    public Predicate<Caller> permission() { return permission; }

    /** @return the refusal message of {@link #allow}, or null */
    public String refusal() { return refusal; }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
