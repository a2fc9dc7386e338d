package io.plugboard.host.internal.plugins;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a plugin's {@code start()} and {@code stop()} may take. Past the limit the plugin is
 * {@code failed} with the reason, its thread is left behind (a daemon, interrupted once) and its class
 * loader is dropped; the host goes on.
 *
 * @param start the longest {@code start()} (with the plugin's constructor) may run
 * @param stop the longest {@code stop()} may run
 */
public record PluginTimeLimits(Duration start, Duration stop) {

    /** 30 s each. */
    public static final PluginTimeLimits DEFAULTS = new PluginTimeLimits(Duration.ofSeconds(30), Duration.ofSeconds(30));

    public PluginTimeLimits {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (start.toMillis() < 1 || stop.toMillis() < 1) {
            throw new IllegalArgumentException("plugin time limits must be at least 1 ms, not " + start + " / " + stop);
        }
    }

    /** @return the limit as an admin reads it, e.g. {@code 30 s} or {@code 1.5 s} */
    static String text(Duration limit) {
        long ms = limit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }
}
