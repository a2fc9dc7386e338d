package io.plugboard.verifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A plugin's files, read once: a jar (entry by entry, so an entry that is in it twice is seen) or a
 * classes directory; and its descriptor, the {@code Plugin-*} entries of the jar's manifest, or of a
 * directory's {@code plugin.properties} ({@code plugin.id} → {@code Plugin-Id}) or manifest.
 */
final class PluginFiles {

    static final String EXTENSION_INDEX = "META-INF/extensions.idx";
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final Path path;
    private final Map<String, byte[]> files;
    private final List<String> duplicates;
    private final Map<String, String> descriptor;

    private PluginFiles(Path path, Map<String, byte[]> files, List<String> duplicates) throws IOException {
        this.path = path;
        this.files = files;
        this.duplicates = List.copyOf(duplicates);
        this.descriptor = readDescriptor();
    }

    /** @throws IOException if the jar or directory cannot be read (not a jar, damaged) */
    static PluginFiles read(Path path) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(path.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            return new PluginFiles(path, files, duplicates);
        }
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = zip.readAllBytes();
                if (files.putIfAbsent(entry.getName(), content) != null) {
                    duplicates.add(entry.getName());
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new IOException("not a valid jar file (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new IOException("not a valid jar file (no entries)");
        }
        return new PluginFiles(path, files, duplicates);
    }

    Path path() { return path; }

    boolean directory() { return Files.isDirectory(path); }

    /** @return every file's path in the jar or directory, {@code /}-separated, each once */
    Iterable<String> names() { return files.keySet(); }

    boolean has(String name) { return files.containsKey(name); }

    /** @return the file's content, or null */
    byte[] bytes(String name) { return files.get(name); }

    /** @return the names of entries the jar holds more than once */
    List<String> duplicates() { return duplicates; }

    /** @return true if a class of this internal name (e.g. {@code a/b/C}) is in the plugin itself */
    boolean ownClass(String internalName) { return files.containsKey(internalName + ".class"); }

    /** @return the class files (module-info left out), by path */
    Map<String, byte[]> classes() {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        files.forEach((name, content) -> {
            if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                classes.put(name, content);
            }
        });
        return classes;
    }

    /** @return a {@code Plugin-*} entry (e.g. {@code Plugin-Id}), stripped, or null when missing or blank */
    String descriptor(String name) {
        String value = descriptor.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** @return where the descriptor is read from, for messages */
    String descriptorSource() {
        return directory() && files.containsKey("plugin.properties") ? "plugin.properties" : "the manifest";
    }

    private Map<String, String> readDescriptor() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (directory() && files.containsKey("plugin.properties")) {
            Properties properties = new Properties();
            properties.load(new StringReader(new String(files.get("plugin.properties"), StandardCharsets.UTF_8)));
            properties.forEach((k, v) -> entries.put(entryName(k.toString()), v.toString()));
            return entries;
        }
        byte[] manifest = files.get(MANIFEST);
        if (manifest != null) {
            Attributes main = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
            main.forEach((k, v) -> entries.put(k.toString(), v.toString()));
        }
        return entries;
    }

    /** {@code plugin.id} → {@code Plugin-Id}, as PF4J maps its properties to the manifest's names. */
    private static String entryName(String property) {
        StringBuilder name = new StringBuilder();
        for (String part : property.split("\\.")) {
            if (!part.isEmpty()) {
                name.append(name.isEmpty() ? "" : "-").append(part.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(part.substring(1));
            }
        }
        return name.toString();
    }
}
