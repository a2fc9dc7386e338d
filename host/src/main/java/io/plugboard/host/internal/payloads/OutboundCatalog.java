package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.outbound.AvailableDestination;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookDestination;
import io.plugboard.host.internal.settings.DeclaredSettings;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.sdk.settings.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API and the admin show of destinations and formats: which are installed (with the plugin that
 * provides each and its declared settings), whether a webhook's are available, and a webhook's settings
 * for them as they may be shown — secret values masked; every value masked while the plugin that knows
 * which are secret is not active.
 */
public final class OutboundCatalog {

    /** One destination or format as listed: who provides it and the settings it declares. */
    public record Entry(String id, String label, String description, String provider, List<Setting> settings) {}

    /** The host's own destination, listed first. */
    public static final Entry HTTP = new Entry(WebhookDestination.HTTP_TYPE, "HTTP endpoint",
            "POSTs each event to the webhook's url, signed (Standard Webhooks).", PayloadFormats.HOST, List.of());

    private final Destinations destinations;
    private final PayloadFormats formats;

    public OutboundCatalog(Destinations destinations, PayloadFormats formats) {
        this.destinations = destinations;
        this.formats = formats;
    }

    /** @return HTTP, then every plugin destination by id */
    public List<Entry> destinations() {
        List<Entry> out = new java.util.ArrayList<>(List.of(HTTP));
        for (AvailableDestination d : destinations.all()) {
            out.add(new Entry(d.id(), d.label(), d.description(), d.pluginId(), d.settings()));
        }
        return out;
    }

    /** @return every format, built-in ones first */
    public List<Entry> formats() {
        return formats.all().stream().map(f -> new Entry(f.id(), f.label(), "", formats.provider(f.id()),
                f.settings())).toList();
    }

    public Optional<Entry> destination(String id) {
        return destinations().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<Entry> format(String id) {
        return formats().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** @return where the webhook delivers, as the admin reads it: its URL, or its destination and what that says of it */
    public String target(Webhook w) {
        WebhookDestination d = w.settings().destination();
        if (d.isHttp()) {
            return w.url();
        }
        return destinations.find(d.type()).map(found -> d.type() + ": " + found.describe(d.settings()))
                .orElse(d.type() + " (destination unavailable)");
    }

    /** @return whether the webhook's destination is installed */
    public boolean destinationAvailable(Webhook w) {
        return destinations.available(w.settings().destination());
    }

    /** @return whether the webhook's format is installed */
    public boolean formatAvailable(Webhook w) {
        return formats.find(w.settings().payload().format()).isPresent();
    }

    /** @return the webhook's destination settings as they may be shown */
    public Map<String, String> shownDestinationSettings(Webhook w) {
        WebhookDestination d = w.settings().destination();
        return shown(destination(d.type()), d.settings());
    }

    /** @return the webhook's format settings as they may be shown */
    public Map<String, String> shownFormatSettings(Webhook w) {
        return shown(format(w.settings().payload().format()), w.settings().payload().formatSettings());
    }

    private static Map<String, String> shown(Optional<Entry> entry, Map<String, String> values) {
        if (entry.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>();
            values.keySet().forEach(k -> all.put(k, SettingsService.MASK));
            return all;
        }
        return new DeclaredSettings("", "", "", entry.get().settings(), v -> {}).masked(values);
    }
}
