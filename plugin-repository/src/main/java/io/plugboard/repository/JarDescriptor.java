package io.plugboard.repository;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a plugin jar's manifest says about it: the PF4J entries ({@code Plugin-Id}, {@code Plugin-Version},
 * {@code Plugin-Requires}, {@code Plugin-Description}, {@code Plugin-Provider}) and, when the publisher
 * adds them, {@code Plugin-Name} and {@code Plugin-Homepage}.
 */
record JarDescriptor(String id, String version, String requires, String name, String description, String provider,
                     String homepage) {

    static JarDescriptor read(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new InvalidIndexException(jar.getFileName() + " is not a readable jar: " + e.getMessage());
        }
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        String id = main.getValue("Plugin-Id");
        String version = main.getValue("Plugin-Version");
        if (id == null || version == null) {
            throw new InvalidIndexException(jar.getFileName() + " is not a plugin jar: its manifest needs Plugin-Id and "
                    + "Plugin-Version");
        }
        String name = main.getValue("Plugin-Name");
        return new JarDescriptor(id.strip(), version.strip(), orDefault(main.getValue("Plugin-Requires"), "*"),
                orDefault(name, id.strip()), orDefault(main.getValue("Plugin-Description"), ""),
                orDefault(main.getValue("Plugin-Provider"), ""), main.getValue("Plugin-Homepage"));
    }

    private static String orDefault(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
