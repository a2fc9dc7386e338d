package io.plugboard.plugins.github;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The GitHub receiver's settings: their declarations, their checks, and the allow-list read from text. */
final class GitHubSettings {

    static final String SECRET = "secret";
    static final String EVENTS = "events";
    static final String UNKNOWN_EVENTS = "unknown_events";
    static final String UNKNOWN_AS_OTHER = "other";
    static final String UNKNOWN_REFUSED = "refuse";

    /** GitHub's event names: lower-case words joined by underscores, e.g. {@code pull_request_review}. */
    static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private GitHubSettings() {}

    static List<Setting> declarations() {
        return List.of(
                Setting.builder(SECRET, SettingType.STRING).label("Secret").required().secret()
                        .help("The text typed into the Secret field of GitHub's webhook settings; requests are "
                                + "checked against X-Hub-Signature-256.")
                        .build(),
                Setting.builder(EVENTS, SettingType.TEXT).label("Only these events")
                        .help("Optional: GitHub event names separated by commas or lines (e.g. push, pull_request). "
                                + "Other events are answered 202 and emit nothing; ping always passes.")
                        .build(),
                Setting.builder(UNKNOWN_EVENTS, SettingType.CHOICE).label("Events without a declared type")
                        .choices(UNKNOWN_AS_OTHER, UNKNOWN_REFUSED).defaultValue(UNKNOWN_AS_OTHER)
                        .help("other: emit them as github.other with the event name in the data; refuse: answer 400.")
                        .build());
    }

    /** @throws InvalidSettingsException naming each setting that is wrong */
    static void verify(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        String secret = settings.getOrDefault(SECRET, "");
        if (secret.isBlank()) {
            problems.put(SECRET, "is required: the Secret from GitHub's webhook settings");
        } else if (!secret.equals(secret.strip())) {
            problems.put(SECRET, "starts or ends with white space; GitHub signs with the secret exactly as typed there, "
                    + "so paste it without surrounding spaces");
        }
        try {
            allowList(settings.getOrDefault(EVENTS, ""));
        } catch (IllegalArgumentException e) {
            problems.put(EVENTS, e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * @param text the {@code events} setting
     * @return the event names in it; empty when every event is allowed
     * @throws IllegalArgumentException naming a word that is not an event name
     */
    static Set<String> allowList(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(text.strip())) {
            if (word.isEmpty()) {
                continue;
            }
            if (!EVENT_NAME.matcher(word).matches()) {
                throw new IllegalArgumentException("'" + word + "' is not a GitHub event name (lower case and _, "
                        + "e.g. pull_request); separate names with commas or lines");
            }
            names.add(word);
        }
        return names;
    }
}
