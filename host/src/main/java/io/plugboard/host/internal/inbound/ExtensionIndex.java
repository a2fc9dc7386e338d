package io.plugboard.host.internal.inbound;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.pf4j.processor.ExtensionStorage;

/**
 * The {@code @Extension} classes a plugin jar lists in its index ({@code META-INF/extensions.idx},
 * written by PF4J's annotation processor), read from the plugin's own class path only so the host's
 * and other plugins' indexes are never mixed in.
 */
final class ExtensionIndex {

    private static final String RESOURCE = "META-INF/extensions.idx";

    private ExtensionIndex() {}

    static Set<String> classNames(ClassLoader pluginLoader) {
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
