package io.plugboard.host.internal.config;

import java.util.regex.Pattern;

/**
 * The path Plugboard is mounted under ({@code /plugboard}), or the root. The host's code speaks
 * Plugboard-relative paths ({@code /admin/webhooks}, {@code /api/v1/events}); this is the one value
 * that turns them into the paths a browser or client uses, and back.
 *
 * @param value {@code ""} for the root, else {@code /segment[/segment…]} without a trailing slash
 */
public record BasePath(String value) {

    /** Segments of letters, digits and {@code - . _ ~}, each starting with a letter or digit. */
    private static final Pattern VALID = Pattern.compile("(/[A-Za-z0-9][A-Za-z0-9._~-]*)+");

    /** Plugboard at the root of its server. */
    public static final BasePath ROOT = new BasePath("");

    /** @throws IllegalArgumentException saying what to fix, for anything but the root or a clean path */
    public BasePath {
        if (value == null) {
            throw new IllegalArgumentException("basePath must not be null; use \"\" or \"/\" for the root");
        }
        if (value.equals("/")) {
            value = "";
        } else if (!value.isEmpty()) {
            if (!value.startsWith("/")) {
                throw new IllegalArgumentException("basePath must start with '/', e.g. \"/" + value + "\"");
            }
            if (value.endsWith("/")) {
                throw new IllegalArgumentException("basePath must not end with '/': \""
                        + value.replaceAll("/+$", "") + "\", not \"" + value + "\"");
            }
            if (!VALID.matcher(value).matches()) {
                throw new IllegalArgumentException("basePath must be segments of letters, digits and '-', '.', '_' or '~'"
                        + " (each starting with a letter or digit), separated by single '/', like \"/plugboard\"; not \""
                        + value + "\"");
            }
        }
    }

    /** @return whether Plugboard is at the root of its server */
    public boolean isRoot() {
        return value.isEmpty();
    }

    /** @param plugboardPath a Plugboard-relative path starting with {@code /} @return the path to use on the wire */
    public String url(String plugboardPath) {
        return value + plugboardPath;
    }

    /** @return the {@code Path} attribute for cookies that go with every request to Plugboard */
    public String cookiePath() {
        return isRoot() ? "/" : value;
    }

    /**
     * @param path a request path, normalised (no repeated or trailing slashes)
     * @return the Plugboard-relative path ({@code /} for the base itself), or null when the path is not under the base
     */
    public String relative(String path) {
        if (isRoot()) {
            return path;
        }
        if (path.equals(value)) {
            return "/";
        }
        return path.startsWith(value + "/") ? path.substring(value.length()) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
