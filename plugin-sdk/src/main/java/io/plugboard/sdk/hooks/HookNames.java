package io.plugboard.sdk.hooks;

import java.util.Objects;
import java.util.regex.Pattern;

/** The rule for hook names: 1–100 letters, digits, dots, underscores, dashes or slashes. */
final class HookNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,100}");

    private HookNames() {}

    static String check(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a hook name is 1-100 letters, digits or . _ / -, not '" + name + "'");
        }
        return name;
    }
}
