package io.plugboard.sample;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flags the site hands to the host's own configuration as the {@code PLUGBOARD_} variable of the same
 * setting (a flag wins over the variable): options the site itself does nothing with. A repeatable flag
 * adds to a comma-separated list; a switch sets {@code true}.
 */
final class HostFlags {

    /** How one flag becomes a host setting. */
    private record Flag(String variable, boolean repeatable, boolean isSwitch) {}

    private static final Map<String, Flag> FLAGS = Map.of(
            "--plugin-repository", new Flag("PLUGBOARD_PLUGIN_REPOSITORIES", true, false),
            "--trusted-plugin-keys", new Flag("PLUGBOARD_TRUSTED_PLUGIN_KEYS", false, false),
            "--require-signed-plugins", new Flag("PLUGBOARD_REQUIRE_SIGNED_PLUGINS", false, true),
            "--plugin-auto-update", new Flag("PLUGBOARD_PLUGIN_AUTO_UPDATE", false, false),
            "--plugin-update-check-interval", new Flag("PLUGBOARD_PLUGIN_UPDATE_CHECK_INTERVAL", false, false),
            "--rate-limit", new Flag("PLUGBOARD_DELIVERY_RATE_LIMIT", false, false),
            "--outbound-proxy", new Flag("PLUGBOARD_OUTBOUND_PROXY", false, false),
            "--no-proxy", new Flag("PLUGBOARD_NO_PROXY", true, false));

    private final Map<String, String> given = new LinkedHashMap<>();

    static boolean known(String flag) {
        return FLAGS.containsKey(flag);
    }

    static boolean isSwitch(String flag) {
        return FLAGS.containsKey(flag) && FLAGS.get(flag).isSwitch();
    }

    /** @param value the flag's value; ignored for a switch */
    void add(String flag, String value) {
        Flag f = FLAGS.get(flag);
        String v = f.isSwitch() ? "true" : value.strip();
        given.merge(f.variable(), v, (before, added) -> f.repeatable() ? before + "," + added : added);
    }

    /** @return the host variables the flags set, to lay over the environment's */
    Map<String, String> variables() {
        return Map.copyOf(given);
    }
}
