package io.plugboard.host.internal.contrib;

import io.plugboard.host.internal.outbound.AvailableDestination;
import io.plugboard.host.internal.outbound.Destinations;
import io.plugboard.host.internal.payloads.PayloadFormats;
import io.plugboard.host.internal.plugins.ExtensionIndex;
import io.plugboard.host.internal.plugins.PluginListener;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.outbound.PayloadFormat;
import io.plugboard.sdk.settings.Setting;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destinations and payload formats of the active plugins: read from a starting plugin's extension
 * index, offered once it has started, withdrawn (and each destination closed) when it stops. One whose
 * id is malformed or taken, whose settings repeat a key, or that fails to describe itself is logged and
 * left out; the plugin still runs. Every change wakes the dispatcher, which sends only to webhooks whose
 * destination and format are available.
 */
public final class OutboundExtensions implements PluginListener {

    private static final Logger log = LoggerFactory.getLogger(OutboundExtensions.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private record Found(List<Destination> destinations, List<PayloadFormat> formats) {}

    private final Destinations destinations;
    private final PayloadFormats formats;
    private final Runnable changed;
    private final Map<String, Found> starting = new ConcurrentHashMap<>();

    /** @param changed told after destinations or formats came or went (the dispatcher looks again) */
    public OutboundExtensions(Destinations destinations, PayloadFormats formats, Runnable changed) {
        this.destinations = destinations;
        this.formats = formats;
        this.changed = changed;
    }

    @Override
    public void starting(String pluginId, ClassLoader loader) {
        Found found = new Found(ExtensionIndex.create(pluginId, loader, Destination.class),
                ExtensionIndex.create(pluginId, loader, PayloadFormat.class));
        if (!found.destinations().isEmpty() || !found.formats().isEmpty()) {
            starting.put(pluginId, found);
        }
    }

    @Override
    public void started(String pluginId) {
        Found found = starting.remove(pluginId);
        if (found == null) {
            return;
        }
        for (Destination d : found.destinations()) {
            describe(pluginId, d).ifPresent(available -> destinations.offer(available).ifPresentOrElse(
                    holder -> log.warn("Plugin '{}': the destination id '{}' is already taken by {}; left out",
                            pluginId, available.id(), holder),
                    () -> log.info("Plugin '{}' offers the destination '{}'", pluginId, available.id())));
        }
        for (PayloadFormat f : found.formats()) {
            if (usable(pluginId, "payload format", () -> f.id(), () -> f.settings(), () -> f.label() + f.contentType())) {
                formats.offer(f, pluginId).ifPresentOrElse(
                        holder -> log.warn("Plugin '{}': the payload format id '{}' is already taken by {}; left out",
                                pluginId, f.id(), holder),
                        () -> log.info("Plugin '{}' offers the payload format '{}'", pluginId, f.id()));
            }
        }
        changed.run();
    }

    private Optional<AvailableDestination> describe(String pluginId, Destination d) {
        if (!usable(pluginId, "destination", d::id, d::settings, () -> d.label() + d.description())) {
            return Optional.empty();
        }
        List<Setting> settings = d.settings() == null ? List.of() : d.settings();
        return Optional.of(new AvailableDestination(d, pluginId, d.label(),
                d.description() == null ? "" : d.description(), settings));
    }

    /** Asks the extension to describe itself; false (logged) if it cannot or what it says is unusable. */
    private static boolean usable(String pluginId, String kind, java.util.function.Supplier<String> id,
                                  java.util.function.Supplier<List<Setting>> settings,
                                  java.util.function.Supplier<String> rest) {
        try {
            String given = id.get();
            if (given == null || !ID.matcher(given).matches()) {
                log.warn("Plugin '{}': a {} id is 1-64 of a-z, 0-9, _ and -, starting with a letter, not '{}'; left out",
                        pluginId, kind, given);
                return false;
            }
            Set<String> keys = new HashSet<>();
            for (Setting s : settings.get() == null ? List.<Setting>of() : settings.get()) {
                if (!keys.add(s.key())) {
                    log.warn("Plugin '{}': the {} '{}' declares the setting {} twice; left out", pluginId, kind, given, s.key());
                    return false;
                }
            }
            rest.get();
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin '{}': a {} failed to describe itself and is left out: {}", pluginId, kind, e.toString());
            return false;
        }
    }

    @Override
    public void stopped(String pluginId) {
        starting.remove(pluginId);
        formats.withdraw(pluginId);
        for (AvailableDestination d : destinations.withdraw(pluginId)) {
            try {
                d.destination().close();
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin '{}': closing the destination '{}' failed: {}", pluginId, d.id(), e.toString());
            }
        }
        changed.run();
    }
}
