package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.plugins.ExtensionIndex;
import io.plugboard.host.internal.plugins.PluginListener;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.settings.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receivers of the active plugins. A plugin's receivers are read from its extension index while it
 * starts, become available once it has started, and go when it stops. A receiver whose id is malformed
 * or already taken, or that cannot be created, is left out and logged; the plugin still runs.
 */
public final class ReceiverRegistry implements PluginListener {

    private static final Logger log = LoggerFactory.getLogger(ReceiverRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    /**
     * Where a plugin ships the connection guide of its receivers (Markdown; {@code %s} is the plugin's id,
     * so a plugin's build can copy its docs page {@code docs/plugins/<plugin id>.md} in as it is), shown in
     * the admin next to each receiver: the guide always matches the installed version, offline too.
     */
    public static final String GUIDE = "plugboard/guides/%s.md";
    private static final int MAX_GUIDE_BYTES = 256 * 1024;

    private final Function<String, Optional<String>> pluginVersions;
    private final Consumer<AvailableReceiver> onAvailable;
    private final Map<String, List<Receiver>> starting = new ConcurrentHashMap<>();
    private final Map<String, AvailableReceiver> available = new ConcurrentHashMap<>();

    /**
     * @param pluginVersions the running version of a plugin, by id
     * @param onAvailable told when a receiver becomes available (inbound webhooks in AUTO mode follow its version)
     */
    public ReceiverRegistry(Function<String, Optional<String>> pluginVersions, Consumer<AvailableReceiver> onAvailable) {
        this.pluginVersions = pluginVersions;
        this.onAvailable = onAvailable;
    }

    @Override
    public void starting(String pluginId, ClassLoader pluginClassLoader) {
        List<Receiver> found = ExtensionIndex.create(pluginId, pluginClassLoader, Receiver.class);
        if (!found.isEmpty()) {
            starting.put(pluginId, found);
        }
    }

    @Override
    public void started(String pluginId) {
        List<Receiver> found = starting.remove(pluginId);
        if (found == null) {
            return;
        }
        String version = pluginVersions.apply(pluginId).orElse("");
        for (Receiver receiver : found) {
            describe(receiver, pluginId, version).ifPresent(r -> {
                AvailableReceiver taken = available.putIfAbsent(r.id(), r);
                if (taken != null) {
                    log.warn("Plugin '{}': the receiver id '{}' is already taken by plugin '{}'; left out",
                            pluginId, r.id(), taken.pluginId());
                    return;
                }
                log.info("Plugin '{}' {} offers the receiver '{}'", pluginId, version, r.id());
                onAvailable.accept(r);
            });
        }
    }

    private static Optional<AvailableReceiver> describe(Receiver receiver, String pluginId, String version) {
        try {
            String id = receiver.id();
            if (id == null || !ID.matcher(id).matches()) {
                log.warn("Plugin '{}': a receiver id is 1-64 of a-z, 0-9, _ and -, starting with a letter, not '{}'; left out",
                        pluginId, id);
                return Optional.empty();
            }
            List<Setting> settings = receiver.settings() == null ? List.of() : List.copyOf(receiver.settings());
            Set<String> keys = new HashSet<>();
            for (Setting s : settings) {
                if (!keys.add(s.key())) {
                    log.warn("Plugin '{}': the receiver '{}' declares the setting {} twice; left out", pluginId, id, s.key());
                    return Optional.empty();
                }
            }
            receiver.name();
            receiver.description();
            return Optional.of(new AvailableReceiver(receiver, pluginId, version, settings, guide(receiver, id, pluginId)));
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin '{}': a receiver failed to describe itself and is left out: {}", pluginId, e.toString());
            return Optional.empty();
        }
    }

    /** @return the guide in the receiver's own jar, or null (none, unreadable or over 256 KB: logged) */
    private static String guide(Receiver receiver, String id, String pluginId) {
        String path = GUIDE.formatted(pluginId);
        try (InputStream in = receiver.getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_GUIDE_BYTES + 1);
            if (bytes.length > MAX_GUIDE_BYTES) {
                log.warn("The guide {} of receiver '{}' is over 256 KB and is not shown", path, id);
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("The guide {} of receiver '{}' cannot be read: {}", path, id, e.toString());
            return null;
        }
    }

    @Override
    public void stopped(String pluginId) {
        starting.remove(pluginId);
        available.values().removeIf(r -> r.pluginId().equals(pluginId));
    }

    /** @return the receiver with this id, if its plugin is active */
    public Optional<AvailableReceiver> find(String receiverId) {
        return receiverId == null ? Optional.empty() : Optional.ofNullable(available.get(receiverId));
    }

    /** @return every available receiver, by id */
    public List<AvailableReceiver> all() {
        return available.values().stream().sorted(Comparator.comparing(AvailableReceiver::id)).toList();
    }
}
