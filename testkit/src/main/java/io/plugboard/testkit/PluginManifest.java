package io.plugboard.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The PF4J descriptor of the plugin under test, as manifest entries ({@code Plugin-Id}, …). Taken, in
 * this order of precedence, from values given in the test, {@code META-INF/MANIFEST.MF} in the classes
 * folder, and PF4J's {@code plugin.properties} in the classes folder (e.g. filtered from the pom).
 */
final class PluginManifest {

    /** PF4J's {@code plugin.properties} keys and the manifest entries they stand for. */
    private static final Map<String, String> PROPERTY_ENTRIES = Map.of(
            "plugin.id", "Plugin-Id",
            "plugin.version", "Plugin-Version",
            "plugin.class", "Plugin-Class",
            "plugin.provider", "Plugin-Provider",
            "plugin.description", "Plugin-Description",
            "plugin.requires", "Plugin-Requires",
            "plugin.dependencies", "Plugin-Dependencies",
            "plugin.license", "Plugin-License");

    private PluginManifest() {}

    /**
     * @param classesDir the compiled plugin, e.g. {@code target/classes}
     * @param given entries given in the test; blank values are ignored
     * @return the merged entries, in manifest spelling
     * @throws IllegalStateException if {@code Plugin-Id} or {@code Plugin-Version} is found nowhere
     */
    static Map<String, String> resolve(Path classesDir, Map<String, String> given) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.putAll(fromProperties(classesDir.resolve("plugin.properties")));
        entries.putAll(fromManifest(classesDir.resolve("META-INF/MANIFEST.MF")));
        given.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                entries.put(k, v.strip());
            }
        });
        for (String required : new String[] {"Plugin-Id", "Plugin-Version"}) {
            if (!entries.containsKey(required)) {
                throw new IllegalStateException("no " + required + " for the plugin in " + classesDir
                        + ": put it in plugin.properties or META-INF/MANIFEST.MF under src/main/resources,"
                        + " or give it to the test (@PluginTest or PluginHarness.builder)");
            }
        }
        return entries;
    }

    /**
     * @param jar a built plugin jar
     * @return its descriptor: {@code plugin.properties} where PF4J would prefer it, else the manifest
     * @throws IllegalStateException if the jar cannot be read or names no {@code Plugin-Id}
     */
    static Map<String, String> ofJar(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            Map<String, String> entries = new LinkedHashMap<>();
            java.util.jar.JarEntry properties = file.getJarEntry("plugin.properties");
            if (properties != null) {
                try (InputStream in = file.getInputStream(properties)) {
                    entries.putAll(fromProperties(in));
                }
            }
            if (!entries.containsKey("Plugin-Id") && file.getManifest() != null) {
                entries.putAll(pluginEntries(file.getManifest().getMainAttributes()));
            }
            if (!entries.containsKey("Plugin-Id")) {
                throw new IllegalStateException(jar + " is not a plugin: neither plugin.properties nor the manifest"
                        + " names a Plugin-Id");
            }
            return entries;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the plugin jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /** @return the entries as PF4J's {@code plugin.properties} keys, for a jar that carries that file too */
    static Properties asProperties(Map<String, String> entries) {
        Properties properties = new Properties();
        PROPERTY_ENTRIES.forEach((key, entry) -> {
            if (entries.containsKey(entry)) {
                properties.setProperty(key, entries.get(entry));
            }
        });
        return properties;
    }

    private static Map<String, String> fromProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return fromProperties(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> fromProperties(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, String> entries = new LinkedHashMap<>();
        PROPERTY_ENTRIES.forEach((key, entry) -> {
            String value = properties.getProperty(key);
            if (value != null && !value.isBlank()) {
                entries.put(entry, value.strip());
            }
        });
        return entries;
    }

    private static Map<String, String> fromManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return pluginEntries(new Manifest(in).getMainAttributes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> pluginEntries(Attributes main) {
        Map<String, String> entries = new LinkedHashMap<>();
        main.forEach((name, value) -> {
            if (name.toString().startsWith("Plugin-") && !value.toString().isBlank()) {
                entries.put(name.toString(), value.toString().strip());
            }
        });
        return entries;
    }
}
