package io.plugboard.repository;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small plugin jars (a manifest and one resource) for the tests. */
public final class PluginJars {

    private PluginJars() {}

    public static Path write(Path dir, String id, String version, String... extraManifest) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Provider", "Acme");
        main.putValue("Plugin-Description", "Invoices for " + id);
        for (int i = 0; i + 1 < extraManifest.length; i += 2) {
            main.putValue(extraManifest[i], extraManifest[i + 1]);
        }
        Path jar = dir.resolve(id + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("version.txt"));
            out.write(version.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
