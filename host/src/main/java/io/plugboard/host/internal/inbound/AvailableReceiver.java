package io.plugboard.host.internal.inbound;

import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.settings.Setting;
import java.util.List;

/**
 * A receiver of an active plugin, with the plugin's id and the version that is running.
 *
 * @param guide the plugin's connection guide for it (Markdown, {@link ReceiverRegistry#GUIDE}), or null
 */
public record AvailableReceiver(Receiver receiver, String pluginId, String pluginVersion, List<Setting> settings,
                                String guide) {

    public String id() {
        return receiver.id();
    }

    public String name() {
        return receiver.name();
    }

    public String description() {
        return receiver.description();
    }
}
