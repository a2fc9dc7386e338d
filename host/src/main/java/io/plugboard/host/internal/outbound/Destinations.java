package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.common.PluginOffers;
import java.util.List;
import java.util.Optional;

/**
 * The destinations webhooks can deliver to besides HTTP ({@link WebhookDestination#HTTP_TYPE}, the host's
 * own): those the active plugins offer, by id. A webhook whose destination is not here is "destination
 * unavailable": its deliveries wait until the plugin is active again.
 */
public final class Destinations {

    private final PluginOffers<AvailableDestination> offers = new PluginOffers<>();

    /** @return empty if offered; else the plugin that has the id already */
    public Optional<String> offer(AvailableDestination destination) {
        if (WebhookDestination.HTTP_TYPE.equals(destination.id())) {
            return Optional.of("the host");
        }
        return offers.offer(destination.id(), destination.pluginId(), destination);
    }

    /** @return the destinations the plugin offered, now gone */
    public List<AvailableDestination> withdraw(String pluginId) {
        return offers.withdraw(pluginId).stream().map(PluginOffers.Offer::value).toList();
    }

    public Optional<AvailableDestination> find(String id) {
        return offers.find(id).map(PluginOffers.Offer::value);
    }

    /** @return every plugin destination, by id */
    public List<AvailableDestination> all() {
        return offers.all().stream().map(PluginOffers.Offer::value).toList();
    }

    /** @return whether a webhook with this destination can be delivered now */
    public boolean available(WebhookDestination destination) {
        return destination.isHttp() || offers.find(destination.type()).isPresent();
    }
}
