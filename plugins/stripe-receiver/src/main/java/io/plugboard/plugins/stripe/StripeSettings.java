package io.plugboard.plugins.stripe;

import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The Stripe receiver's settings: their declarations, their checks, and the secrets read from text. */
final class StripeSettings {

    static final String SECRET = "secret";
    static final String TOLERANCE = "tolerance_seconds";
    static final String UNKNOWN_EVENTS = "unknown_events";
    static final String UNKNOWN_AS_OTHER = "other";
    static final String UNKNOWN_REFUSED = "refuse";
    static final long DEFAULT_TOLERANCE_SECONDS = 300;

    private static final String PREFIX = "whsec_";
    private static final int MAX_SECRETS = 10;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private StripeSettings() {}

    static List<Setting> declarations() {
        return List.of(
                Setting.builder(SECRET, SettingType.TEXT).label("Signing secret(s)").required().secret()
                        .help("The endpoint's signing secret from Stripe (whsec_…). During a rotation, give the old and "
                                + "the new one, separated by a comma or a new line: a request signed with either is accepted.")
                        .build(),
                Setting.builder(TOLERANCE, SettingType.INTEGER).label("Timestamp tolerance (seconds)")
                        .defaultValue(Long.toString(DEFAULT_TOLERANCE_SECONDS)).range(1, 3600)
                        .help("How far the signed timestamp may be from the time of arrival; Stripe's libraries use 300.")
                        .build(),
                Setting.builder(UNKNOWN_EVENTS, SettingType.CHOICE).label("Event types without a declared type")
                        .choices(UNKNOWN_AS_OTHER, UNKNOWN_REFUSED).defaultValue(UNKNOWN_AS_OTHER)
                        .help("other: emit them as stripe.other (data.type names them); refuse: answer 400, which "
                                + "Stripe retries for up to three days.")
                        .build());
    }

    /** @throws InvalidSettingsException naming each setting that is wrong */
    static void verify(Map<String, String> settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            secrets(settings.getOrDefault(SECRET, ""));
        } catch (IllegalArgumentException e) {
            problems.put(SECRET, e.getMessage());
        }
        String tolerance = settings.getOrDefault(TOLERANCE, "");
        if (!tolerance.isEmpty() && !tolerance.matches("[0-9]{1,4}")) {
            problems.put(TOLERANCE, "must be a whole number of seconds, 1 to 3600");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * @param text the {@code secret} setting: one or more secrets separated by commas, spaces or lines
     * @return the secrets, in order
     * @throws IllegalArgumentException saying which one is wrong, by position, never showing it
     */
    static List<String> secrets(String text) {
        List<String> secrets = new ArrayList<>();
        for (String word : SEPARATORS.split(text.strip())) {
            if (word.isEmpty()) {
                continue;
            }
            int position = secrets.size() + 1;
            if (!word.startsWith(PREFIX) || word.length() <= PREFIX.length()) {
                throw new IllegalArgumentException("secret " + position + " does not look like a Stripe signing secret: "
                        + "it must start with " + PREFIX + " (Developers → Webhooks → the endpoint → Signing secret)");
            }
            secrets.add(word);
        }
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("is required: the endpoint's signing secret, " + PREFIX + "…");
        }
        if (secrets.size() > MAX_SECRETS) {
            throw new IllegalArgumentException("holds " + secrets.size() + " secrets; at most " + MAX_SECRETS);
        }
        return secrets;
    }

    /** @return the tolerance, the default when the setting is empty or unreadable */
    static Duration tolerance(String text) {
        try {
            return Duration.ofSeconds(text.isEmpty() ? DEFAULT_TOLERANCE_SECONDS : Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(DEFAULT_TOLERANCE_SECONDS);
        }
    }
}
