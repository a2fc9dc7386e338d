package io.plugboard.host.internal.storage;

import java.util.Objects;

/**
 * A shared PostgreSQL database to use instead of the SQLite file in the data directory.
 *
 * @param url a {@code jdbc:postgresql://host:port/database} URL
 * @param user the database user, or null when the URL names it
 * @param password the user's password, or null; never logged nor shown
 */
public record DatabaseSettings(String url, String user, String password) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:// "
                    + "(SQLite needs no URL: leave the database unset), not '" + redact(url) + "'");
        }
    }

    /** @return the URL without its query string, which may carry a password: safe to log */
    public String safeUrl() {
        return redact(url);
    }

    private static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + ", user=" + user + "]";
    }
}
