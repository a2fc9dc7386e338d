package io.plugboard.host.internal.settings;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.sdk.settings.Setting;
import io.plugboard.sdk.settings.SettingType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and normalizes one value a form or the API sent for a setting. */
final class SettingValues {

    static final int MAX_STRING = 2_000;
    static final int MAX_TEXT = 20_000;

    private SettingValues() {}

    /**
     * @param raw non-blank input
     * @return the value to store
     * @throws ValidationException for the setting's key, with what to fix
     */
    static String normalize(Setting setting, String raw) {
        String value = setting.type() == SettingType.TEXT ? raw : raw.strip();
        return switch (setting.type()) {
            case STRING -> {
                if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                    throw refused(setting, "must be one line");
                }
                yield limit(setting, value, MAX_STRING);
            }
            case TEXT -> limit(setting, value, MAX_TEXT);
            case INTEGER -> integer(setting, value);
            case BOOLEAN -> bool(setting, value);
            case URL -> url(setting, limit(setting, value, MAX_STRING));
            case CHOICE -> {
                if (!setting.choices().contains(value)) {
                    throw refused(setting, "must be one of " + String.join(", ", setting.choices()));
                }
                yield value;
            }
        };
    }

    private static String limit(Setting setting, String value, int max) {
        if (value.length() > max) {
            throw refused(setting, "must be at most " + max + " characters");
        }
        return value;
    }

    private static String integer(Setting setting, String value) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw refused(setting, "must be a whole number");
        }
        if (setting.min() != null && n < setting.min() || setting.max() != null && n > setting.max()) {
            throw refused(setting, "must be between " + setting.min() + " and " + setting.max());
        }
        return Long.toString(n);
    }

    private static String bool(Setting setting, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> "true";
            case "false", "off", "0", "no" -> "false";
            default -> throw refused(setting, "must be true or false");
        };
    }

    private static String url(Setting setting, String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw refused(setting, "must be an absolute http:// or https:// URL");
    }

    private static ValidationException refused(Setting setting, String problem) {
        return ValidationException.of(setting.key(), problem);
    }
}
