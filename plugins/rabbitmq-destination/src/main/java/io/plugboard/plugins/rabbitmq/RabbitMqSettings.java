package io.plugboard.plugins.rabbitmq;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one RabbitMQ webhook: which broker (and credentials) and where on it messages go.
 *
 * @param uri {@code amqp://host:port/vhost} or {@code amqps://…}
 * @param username the user, or empty for the one in the URI (or the client's default, guest)
 * @param password the password, or empty for the one in the URI (or the client's default)
 * @param exchange the exchange, empty for the default exchange
 * @param routingKey the routing key pattern, may contain {@code {{type}}}, {@code {{id}}}, {@code {{webhook_id}}}
 */
record RabbitMqSettings(String uri, String username, String password, String exchange, String routingKey) {

    static final String URI_KEY = "uri";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String EXCHANGE = "exchange";
    static final String ROUTING_KEY = "routing_key";
    static final String DEFAULT_URI = "amqp://127.0.0.1:5672/%2F";

    /** @return the declarations the host renders and checks */
    static List<Setting> declarations() {
        return List.of(
                Setting.builder(URI_KEY, SettingType.STRING).label("Broker URI").required().defaultValue(DEFAULT_URI)
                        .help("amqp://host:port/vhost or amqps://… (the default vhost / is written %2F).").build(),
                Setting.builder(USERNAME, SettingType.STRING).label("Username")
                        .help("Empty: the user in the URI, or guest.").build(),
                Setting.builder(PASSWORD, SettingType.STRING).label("Password").secret().build(),
                Setting.builder(EXCHANGE, SettingType.STRING).label("Exchange")
                        .help("Empty: the default exchange, where the routing key is a queue name.").build(),
                Setting.builder(ROUTING_KEY, SettingType.STRING).label("Routing key").required()
                        .defaultValue("plugboard.{{type}}")
                        .help("{{type}} is the event type, {{id}} the event id, {{webhook_id}} the webhook's id.").build());
    }

    /** @return the settings read from a webhook's values, absent ones empty */
    static RabbitMqSettings from(Map<String, String> values) {
        return new RabbitMqSettings(value(values, URI_KEY), value(values, USERNAME), value(values, PASSWORD),
                value(values, EXCHANGE), value(values, ROUTING_KEY));
    }

    /** @throws InvalidSettingsException naming each setting that is wrong */
    void check() {
        Map<String, String> problems = new LinkedHashMap<>();
        String uriProblem = uriProblem(uri);
        if (uriProblem != null) {
            problems.put(URI_KEY, uriProblem);
        }
        if (routingKey.isBlank()) {
            problems.put(ROUTING_KEY, "must not be blank");
        } else if (routingKey.length() > 255) {
            problems.put(ROUTING_KEY, "must be at most 255 characters");
        }
        if (exchange.length() > 255) {
            problems.put(EXCHANGE, "must be at most 255 characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** @return the broker and where messages go, without credentials */
    String describe() {
        String where = exchange.isEmpty() ? "default exchange" : "exchange \"" + exchange + "\"";
        return withoutCredentials(uri) + " " + where + " routing key \"" + routingKey + "\"";
    }

    /** @return the connection-choosing part: one cached connection per broker and user */
    ConnectionKey connectionKey() {
        return new ConnectionKey(uri, username, password);
    }

    /** The settings one connection is chosen by. Its toString leaves the password out. */
    record ConnectionKey(String uri, String username, String password) {
        @Override
        public String toString() {
            return withoutCredentials(uri) + (username.isEmpty() ? "" : " as " + username);
        }
    }

    static String withoutCredentials(String uri) {
        try {
            URI parsed = new URI(uri);
            String port = parsed.getPort() == -1 ? "" : ":" + parsed.getPort();
            String path = parsed.getRawPath() == null ? "" : parsed.getRawPath();
            return parsed.getScheme() + "://" + parsed.getHost() + port + path;
        } catch (URISyntaxException | RuntimeException e) {
            return "(malformed uri)";
        }
    }

    private static String uriProblem(String uri) {
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme();
            if (!"amqp".equalsIgnoreCase(scheme) && !"amqps".equalsIgnoreCase(scheme)) {
                return "must start with amqp:// or amqps://";
            }
            if (parsed.getHost() == null || parsed.getHost().isBlank()) {
                return "must name a host, e.g. amqp://127.0.0.1:5672/%2F";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a well-formed URI: " + e.getReason();
        }
    }

    private static String value(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null ? "" : value.trim();
    }
}
