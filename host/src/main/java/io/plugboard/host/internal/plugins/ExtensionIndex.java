package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.processor.ExtensionStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code @Extension} classes a plugin jar lists in its index ({@code META-INF/extensions.idx},
 * written by PF4J's annotation processor), read from the plugin's own class path only so the host's
 * and other plugins' indexes are never mixed in. The listeners that offer a plugin's receivers,
 * destinations and payload formats create them from it.
 */
public final class ExtensionIndex {

    private static final Logger log = LoggerFactory.getLogger(ExtensionIndex.class);
    private static final String RESOURCE = "META-INF/extensions.idx";

    private ExtensionIndex() {}

    /**
     * Creates each listed extension of one type with its no-argument constructor. One that cannot be
     * created is logged and left out; the plugin still runs.
     */
    public static <T> List<T> create(String pluginId, ClassLoader pluginLoader, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (String className : classNames(pluginLoader)) {
            try {
                Class<?> listed = pluginLoader.loadClass(className);
                if (type.isAssignableFrom(listed)) {
                    found.add(type.cast(listed.getDeclaredConstructor().newInstance()));
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                log.warn("Plugin '{}': the extension {} cannot be created and is left out: {}", pluginId, className, e.toString());
            }
        }
        return found;
    }

    public static Set<String> classNames(ClassLoader pluginLoader) {
        Set<String> names = new LinkedHashSet<>();
        if (!(pluginLoader instanceof URLClassLoader own)) {
            return names;
        }
        try {
            for (URL url : Collections.list(own.findResources(RESOURCE))) {
                try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
                    ExtensionStorage.read(reader, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin's extension index", e);
        }
        return names;
    }
}
