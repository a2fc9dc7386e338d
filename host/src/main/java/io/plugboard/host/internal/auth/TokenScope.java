package io.plugboard.host.internal.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may do, chosen when it is created. A token of the whole host is {@code admin}, {@code read}
 * or {@code metrics}; a token scoped to one application ({@code web.AppTokenAccess} confines its paths) is
 * {@code write} or {@code read}.
 */
public enum TokenScope {

    /** Everything the API and {@code /metrics} offer. */
    ADMIN("everything under /api/v1 and /metrics", true),
    /** Reading: GET and HEAD under {@code /api/v1}, except the request inspector's captured requests. */
    READ("GET and HEAD under /api/v1", true),
    /** Only {@code GET /metrics}, for a Prometheus scraper. */
    METRICS("only /metrics", true),
    /** Every method on its application's paths: only for a token scoped to one application. */
    WRITE("every method under /api/v1/apps/{its application}/", false);

    private final String allows;
    private final boolean hostWide;

    TokenScope(String allows, boolean hostWide) {
        this.allows = allows;
        this.hostWide = hostWide;
    }

    /** @return whether a token of the whole host may have it ({@code write} is for an application's token only) */
    public boolean hostWide() {
        return hostWide;
    }

    /** @return whether a token scoped to one application may have it: {@code write} or {@code read} */
    public boolean forApplication() {
        return this == WRITE || this == READ;
    }

    /** @return the name used in the API, the admin and the database, e.g. {@code read} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return what it allows, in words */
    public String allows() {
        return allows;
    }

    public static Optional<TokenScope> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    /** @return the narrowest scope that allows this request (the one a refusal names) */
    public static TokenScope needed(String method, String path) {
        if (path.equals("/metrics")) {
            return METRICS;
        }
        if (path.startsWith("/api/v1/inspector")) {
            return ADMIN; // captured requests may carry secrets in clear, as the receiver saw them
        }
        return "GET".equals(method) || "HEAD".equals(method) ? READ : ADMIN;
    }

    /** @param method the servlet's method, not one overridden by a header */
    public boolean permits(String method, String path) {
        TokenScope needed = needed(method, path);
        if (this == WRITE) {
            return needed != METRICS; // its paths are confined to its application before this is asked
        }
        return this == ADMIN || this == needed;
    }
}
