package io.plugboard.host.internal.web;

import io.plugboard.host.internal.config.BasePath;

/**
 * The one place that says which host area a request path belongs to. Javalin routes {@code /metrics/}
 * like {@code /metrics} (and, if an embedder turns it on, {@code //metrics} too), so every decision
 * about a path (scopes, JSON or HTML errors, security headers, the host-name check) is made on the
 * path normalised the same way: repeated slashes collapsed, a trailing slash dropped, and made
 * Plugboard-relative (without the {@link BasePath}).
 */
public final class WebPaths {

    private WebPaths() {}

    /** @return the path with runs of {@code /} collapsed and without a trailing {@code /} ({@code /} stays) */
    public static String normalised(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String collapsed = path.replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    /**
     * @param requestPath the path as requested, with the base path
     * @return the normalised Plugboard-relative path ({@code /admin/webhooks}), or null when the request is
     *     not under the base path (one of the embedding application's routes)
     */
    public static String plugboardPath(BasePath base, String requestPath) {
        return base.relative(normalised(requestPath));
    }

    /** @return whether the normalised path is {@code prefix} itself or below it */
    public static boolean isUnder(String normalisedPath, String prefix) {
        return normalisedPath.equals(prefix) || normalisedPath.startsWith(prefix + "/");
    }

    /**
     * @return whether errors on this path are answered in JSON: the API, {@code /metrics},
     *     {@code /health}, inbound webhooks and the inspector's receiving end, whose callers are programs
     */
    public static boolean answersJson(BasePath base, String requestPath) {
        String p = plugboardPath(base, requestPath);
        return p != null && (isUnder(p, "/api") || isUnder(p, "/metrics") || isUnder(p, "/health") || isUnder(p, "/hooks")
                || isUnder(p, "/inspect"));
    }
}
