package io.plugboard.plugins.nats;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of one NATS webhook: which servers (and credentials) and which subject messages go to.
 *
 * @param servers comma-separated {@code nats://host:port} URLs
 * @param subject the subject pattern, may contain {@code {{type}}}, {@code {{id}}}, {@code {{webhook_id}}}
 * @param username the user, or empty
 * @param password the user's password, or empty
 * @param token an authentication token, or empty (instead of a user)
 */
record NatsSettings(String servers, String subject, String username, String password, String token) {

    static final String SERVERS = "servers";
    static final String SUBJECT = "subject";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TOKEN = "token";
    private static final Set<String> SCHEMES = Set.of("nats", "tls", "ws", "wss");

    /** @return the declarations the host renders and checks */
    static List<Setting> declarations() {
        return List.of(
                Setting.builder(SERVERS, SettingType.STRING).label("Servers").required()
                        .defaultValue("nats://127.0.0.1:4222")
                        .help("One or more nats://host:port (or tls://…), separated by commas.").build(),
                Setting.builder(SUBJECT, SettingType.STRING).label("Subject").required()
                        .defaultValue("plugboard.{{type}}")
                        .help("A subject a JetStream stream captures; {{type}} is the event type, {{id}} the event id, "
                                + "{{webhook_id}} the webhook's id.").build(),
                Setting.builder(USERNAME, SettingType.STRING).label("Username").build(),
                Setting.builder(PASSWORD, SettingType.STRING).label("Password").secret().build(),
                Setting.builder(TOKEN, SettingType.STRING).label("Token").secret()
                        .help("Instead of a username and password.").build());
    }

    /** @return the settings read from a webhook's values, absent ones empty */
    static NatsSettings from(Map<String, String> values) {
        return new NatsSettings(value(values, SERVERS), value(values, SUBJECT), value(values, USERNAME),
                value(values, PASSWORD), value(values, TOKEN));
    }

    /** @return the server URLs, trimmed */
    String[] serverList() {
        return Arrays.stream(servers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** @throws InvalidSettingsException naming each setting that is wrong */
    void check() {
        Map<String, String> problems = new LinkedHashMap<>();
        String serversProblem = serversProblem();
        if (serversProblem != null) {
            problems.put(SERVERS, serversProblem);
        }
        if (subject.isBlank()) {
            problems.put(SUBJECT, "must not be blank");
        } else if (subject.chars().anyMatch(Character::isWhitespace) || subject.contains("*") || subject.contains(">")
                || subject.startsWith(".") || subject.endsWith(".") || subject.contains("..")) {
            problems.put(SUBJECT, "must be dot-separated tokens without spaces or wildcards (* >)");
        }
        if (!token.isEmpty() && !username.isEmpty()) {
            problems.put(TOKEN, "give either a token or a username and password, not both");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** @return the servers and subject, without credentials */
    String describe() {
        return String.join(",", Arrays.stream(serverList()).map(NatsSettings::withoutCredentials).toList())
                + " subject \"" + subject + "\"";
    }

    /** @return the connection-choosing part: one cached connection per servers and credentials */
    ConnectionKey connectionKey() {
        return new ConnectionKey(servers, username, password, token);
    }

    /** The settings one connection is chosen by. Its toString leaves the secrets out. */
    record ConnectionKey(String servers, String username, String password, String token) {
        @Override
        public String toString() {
            return servers.isEmpty() ? "(no servers)" : NatsSettings.from(Map.of(SERVERS, servers)).describe()
                    .replace(" subject \"\"", "");
        }
    }

    private String serversProblem() {
        String[] list = serverList();
        if (list.length == 0) {
            return "name at least one server, e.g. nats://127.0.0.1:4222";
        }
        for (String server : list) {
            try {
                URI uri = new URI(server);
                if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase())) {
                    return server + " must start with nats://, tls://, ws:// or wss://";
                }
                if (uri.getHost() == null) {
                    return server + " must name a host, e.g. nats://127.0.0.1:4222";
                }
            } catch (URISyntaxException e) {
                return server + " is not a well-formed URL: " + e.getReason();
            }
        }
        return null;
    }

    private static String withoutCredentials(String server) {
        try {
            URI uri = new URI(server);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException | RuntimeException e) {
            return "(malformed server)";
        }
    }

    private static String value(Map<String, String> values, String key) {
        String value = values.get(key);
        return value == null ? "" : value.trim();
    }
}
