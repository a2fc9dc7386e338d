package io.plugboard.host;

import io.plugboard.host.internal.delivery.DeliveryConfig;

/** For tests of the engine's parts: the facade's translation of public settings into internal ones. */
public final class InternalConfigs {

    private InternalConfigs() {}

    public static DeliveryConfig delivery(DeliverySettings settings) {
        return DeliveryConfigs.of(settings);
    }
}
