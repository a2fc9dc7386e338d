package io.plugboard.verifier;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.pf4j.processor.ExtensionStorage;

/** The class names a plugin's extension index lists, read as PF4J reads them. */
final class ExtensionNames {

    private ExtensionNames() {}

    /** @return the listed class names (binary names, e.g. {@code a.b.C$D}); empty without an index */
    static Set<String> of(PluginFiles plugin) {
        Set<String> names = new LinkedHashSet<>();
        byte[] index = plugin.bytes(PluginFiles.EXTENSION_INDEX);
        if (index != null) {
            try {
                ExtensionStorage.read(new StringReader(new String(index, StandardCharsets.UTF_8)), names);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringReader does not fail
            }
        }
        return names;
    }
}
