package io.plugboard.host.internal.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an API token may do, chosen when it is created. */
public enum TokenScope {

    /** Everything the API and {@code /metrics} offer. */
    ADMIN("everything under /api/v1 and /metrics"),
    /** Reading: GET and HEAD under {@code /api/v1}, except the request inspector's captured requests. */
    READ("GET and HEAD under /api/v1"),
    /** Only {@code GET /metrics}, for a Prometheus scraper. */
    METRICS("only /metrics");

    private final String allows;

    TokenScope(String allows) {
        this.allows = allows;
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
        return this == ADMIN || this == needed;
    }
}
