package io.plugboard.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Packs a compiled plugin into a real jar, as {@code mvn package} would: every file of the classes
 * folder, with the resolved descriptor as manifest entries (and as {@code plugin.properties} when the
 * folder has one, so both descriptor sources PF4J reads agree).
 */
final class PluginJarWriter {

    private PluginJarWriter() {}

    /** @return the written jar, {@code <dir>/<Plugin-Id>.jar} */
    static Path write(Path classesDir, Map<String, String> entries, Path dir) {
        if (!Files.isDirectory(classesDir)) {
            throw new IllegalStateException("the plugin's classes folder " + classesDir.toAbsolutePath()
                    + " does not exist; compile the plugin first (mvn test compiles it)");
        }
        Path jar = dir.resolve(entries.get("Plugin-Id") + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        entries.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path path : files(classesDir)) {
                String name = classesDir.relativize(path).toString().replace('\\', '/');
                if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(name));
                if (name.equals("plugin.properties")) {
                    PluginManifest.asProperties(entries).store(out, "written by plugboard-testkit");
                } else {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plugin jar " + jar, e);
        }
        return jar;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
