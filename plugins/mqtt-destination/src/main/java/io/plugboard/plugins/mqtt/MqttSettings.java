package io.plugboard.plugins.mqtt;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One webhook's MQTT settings, checked: where to connect ({@link Connection}) and the topic pattern.
 *
 * @param connection the broker and credentials; webhooks with equal ones share a client
 * @param topic the topic pattern, possibly with {@code {{type}}}
 */
record MqttSettings(Connection connection, String topic) {

    static final String SERVER = "server";
    static final String TOPIC = "topic";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String CLIENT_ID_PREFIX = "client_id_prefix";
    static final String DEFAULT_SERVER = "tcp://127.0.0.1:1883";
    static final String DEFAULT_CLIENT_ID_PREFIX = "plugboard-";

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    private static final Pattern CLIENT_ID_PREFIX_CHARS = Pattern.compile("[A-Za-z0-9_.-]{0,40}");
    /** MQTT strings are at most 65,535 bytes; leave room for an expanded {{type}}. */
    private static final int MAX_TOPIC_BYTES = 60_000;

    /**
     * Where to connect and as whom.
     *
     * @param server e.g. {@code tcp://127.0.0.1:1883}
     * @param username empty for none
     * @param password empty for none (secret: never in {@link #toString()})
     * @param clientIdPrefix the start of the client ids this plugin connects with
     */
    record Connection(String server, String username, String password, String clientIdPrefix) {
        @Override
        public String toString() {
            return server + (username.isEmpty() ? "" : " as " + username);
        }
    }

    /** @return the declarations shown in the webhook form */
    static List<Setting> declarations() {
        return List.of(
                Setting.builder(SERVER, SettingType.STRING).label("Broker").required().defaultValue(DEFAULT_SERVER)
                        .help("tcp://host:1883, ssl://host:8883, ws://host/mqtt or wss://host/mqtt (MQTT 5).").build(),
                Setting.builder(TOPIC, SettingType.STRING).label("Topic").required()
                        .help("e.g. plugboard/{{type}}; {{type}}, {{id}} and {{webhook_id}} are filled in. "
                                + "No + or # wildcards.").build(),
                Setting.builder(USERNAME, SettingType.STRING).label("Username").build(),
                Setting.builder(PASSWORD, SettingType.STRING).label("Password").secret().build(),
                Setting.builder(CLIENT_ID_PREFIX, SettingType.STRING).label("Client id prefix")
                        .defaultValue(DEFAULT_CLIENT_ID_PREFIX)
                        .help("Client ids are this prefix and a random suffix (letters, digits, _ . -).").build());
    }

    /**
     * @param values the webhook's settings by key
     * @return the checked settings
     * @throws InvalidSettingsException naming every wrong setting
     */
    static MqttSettings parse(Map<String, String> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        String server = value(values, SERVER, DEFAULT_SERVER);
        String serverProblem = serverProblem(server);
        if (serverProblem != null) {
            problems.put(SERVER, serverProblem);
        }
        String topic = value(values, TOPIC, "");
        String topicProblem = topicProblem(topic);
        if (topicProblem != null) {
            problems.put(TOPIC, topicProblem);
        }
        String prefix = value(values, CLIENT_ID_PREFIX, DEFAULT_CLIENT_ID_PREFIX);
        if (!CLIENT_ID_PREFIX_CHARS.matcher(prefix).matches()) {
            problems.put(CLIENT_ID_PREFIX, "must be at most 40 letters, digits, _, . or -");
        }
        String username = value(values, USERNAME, "");
        // A password is taken as entered: spaces may be part of it.
        String password = values.get(PASSWORD) == null ? "" : values.get(PASSWORD);
        if (!password.isEmpty() && username.isEmpty()) {
            problems.put(USERNAME, "is needed when a password is set");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new MqttSettings(new Connection(server, username, password, prefix), topic);
    }

    /** @return why a (possibly expanded) topic cannot be published to, or null when it can */
    static String topicProblem(String topic) {
        if (topic.isEmpty()) {
            return "is required, e.g. plugboard/{{type}}";
        }
        if (topic.contains("+") || topic.contains("#")) {
            return "must not contain the wildcards + or # (a message is published to one topic)";
        }
        if (topic.startsWith("$")) {
            return "must not start with $ (topics starting with $ belong to the broker)";
        }
        if (topic.indexOf('\0') >= 0 || topic.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            return "must be at most 60,000 bytes, without NUL characters";
        }
        return null;
    }

    private static String serverProblem(String server) {
        try {
            URI uri = new URI(server);
            if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
                return "must start with tcp://, ssl://, ws:// or wss://";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "must name a host, e.g. tcp://127.0.0.1:1883";
            }
            if (uri.getUserInfo() != null) {
                return "must not contain credentials: use the username and password settings";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid address such as tcp://127.0.0.1:1883 (" + e.getReason() + ")";
        }
    }

    private static String value(Map<String, String> values, String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
