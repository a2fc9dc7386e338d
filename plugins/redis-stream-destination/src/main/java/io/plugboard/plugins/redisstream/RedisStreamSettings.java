package io.plugboard.plugins.redisstream;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One webhook's Redis stream settings, checked.
 *
 * @param connection the server and credentials; webhooks with equal ones share a connection pool
 * @param stream the stream key pattern, possibly with {@code {{type}}}
 * @param maxLength the approximate length XADD trims the stream to; 0 for no trimming
 */
record RedisStreamSettings(Connection connection, String stream, long maxLength) {

    static final String URI_KEY = "uri";
    static final String PASSWORD = "password";
    static final String STREAM = "stream";
    static final String MAX_LENGTH = "max_length";
    static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    static final long DEFAULT_MAX_LENGTH = 100_000;
    private static final int MAX_KEY_BYTES = 1_000;

    /**
     * Where to connect and as whom.
     *
     * @param host the server's host
     * @param port its port
     * @param ssl whether to use TLS ({@code rediss://})
     * @param user the ACL user from the URI, or empty for the default user
     * @param password empty for none (secret: never in {@link #toString()})
     * @param database the database number from the URI's path, 0 when absent
     */
    record Connection(String host, int port, boolean ssl, String user, String password, int database) {
        @Override
        public String toString() {
            return (ssl ? "rediss://" : "redis://") + (user.isEmpty() ? "" : user + "@") + host + ":" + port
                    + (database == 0 ? "" : "/" + database);
        }
    }

    /** @return the declarations shown in the webhook form */
    static List<Setting> declarations() {
        return List.of(
                Setting.builder(URI_KEY, SettingType.STRING).label("Server").required().defaultValue(DEFAULT_URI)
                        .help("redis://host:6379 or rediss://host:6380 (TLS); optionally a user (redis://user@host) "
                                + "and a database (redis://host:6379/2). The password goes in its own setting.").build(),
                Setting.builder(PASSWORD, SettingType.STRING).label("Password").secret().build(),
                Setting.builder(STREAM, SettingType.STRING).label("Stream").required()
                        .help("The stream's key, e.g. plugboard:{{type}}; {{type}}, {{id}} and {{webhook_id}} are "
                                + "filled in.").build(),
                Setting.builder(MAX_LENGTH, SettingType.INTEGER).label("Keep about")
                        .defaultValue(Long.toString(DEFAULT_MAX_LENGTH)).range(0, Long.MAX_VALUE)
                        .help("Each XADD trims the stream to about this many entries (MAXLEN ~); 0 keeps all.").build());
    }

    /**
     * @param values the webhook's settings by key
     * @return the checked settings
     * @throws InvalidSettingsException naming every wrong setting
     */
    static RedisStreamSettings parse(Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        // A password is taken as entered: spaces may be part of it.
        String password = values.get(PASSWORD) == null ? "" : values.get(PASSWORD);
        Connection connection = null;
        try {
            connection = connection(value(values, URI_KEY, DEFAULT_URI), password);
        } catch (IllegalArgumentException e) {
            problems.put(URI_KEY, e.getMessage());
        }
        String stream = value(values, STREAM, "");
        String streamProblem = streamProblem(stream);
        if (streamProblem != null) {
            problems.put(STREAM, streamProblem);
        }
        long maxLength = DEFAULT_MAX_LENGTH;
        try {
            maxLength = Long.parseLong(value(values, MAX_LENGTH, Long.toString(DEFAULT_MAX_LENGTH)));
            if (maxLength < 0) {
                problems.put(MAX_LENGTH, "must be 0 (no trimming) or more");
            }
        } catch (NumberFormatException e) {
            problems.put(MAX_LENGTH, "must be a whole number: 0 (no trimming) or more");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new RedisStreamSettings(connection, stream, maxLength);
    }

    /** @return why a (possibly expanded) stream key cannot be used, or null when it can */
    static String streamProblem(String stream) {
        if (stream.isEmpty()) {
            return "is required, e.g. plugboard:{{type}}";
        }
        if (stream.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return "must be at most 1,000 bytes";
        }
        return null;
    }

    private static Connection connection(String text, String password) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid address such as redis://127.0.0.1:6379 (" + e.getReason() + ")");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host, e.g. redis://127.0.0.1:6379");
        }
        String user = uri.getUserInfo() == null ? "" : uri.getUserInfo();
        if (user.contains(":")) {
            throw new IllegalArgumentException("must not contain a password: use the password setting");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        int database = 0;
        if (!path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("may end with a database number only, e.g. redis://127.0.0.1:6379/2");
            }
            if (database < 0) {
                throw new IllegalArgumentException("must name a database number of 0 or more");
            }
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment");
        }
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        return new Connection(uri.getHost(), port, "rediss".equals(uri.getScheme()), user, password, database);
    }

    private static String value(Map<String, String> values, String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
