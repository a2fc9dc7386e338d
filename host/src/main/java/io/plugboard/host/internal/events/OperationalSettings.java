package io.plugboard.host.internal.events;

import java.time.Duration;

/**
 * When the host's own operational events fire.
 *
 * @param failingStreak {@code webhook_failing} fires when a webhook's consecutive failed attempts reach this
 * @param burstRefusals {@code inbound_refused_burst} fires when one inbound webhook refuses this many requests
 * @param burstWindow within this window (counted from the window's first refusal; once per window)
 */
public record OperationalSettings(int failingStreak, int burstRefusals, Duration burstWindow) {

    public static final OperationalSettings DEFAULTS = new OperationalSettings(10, 10, Duration.ofMinutes(5));

    public OperationalSettings {
        if (failingStreak < 1 || burstRefusals < 1) {
            throw new IllegalArgumentException("the failing streak and the burst's refusals must be at least 1");
        }
        if (burstWindow.isNegative() || burstWindow.isZero()) {
            throw new IllegalArgumentException("the burst window must be positive, not " + burstWindow);
        }
    }
}
