package io.plugboard.host.internal.migrations;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The SQL migrations in a plugin's own jar (or classes folder), under {@code plugboard/migrations/},
 * read into memory at once: Flyway then needs neither the jar open nor class-path scanning (which
 * misses jars without directory entries and could see the host's own resources).
 */
final class MigrationFiles implements ResourceProvider {

    static final String FOLDER = "plugboard/migrations/";

    private final TreeMap<String, String> files;

    private MigrationFiles(TreeMap<String, String> files) {
        this.files = files;
    }

    static MigrationFiles of(ClassLoader loader) {
        TreeMap<String, String> files = new TreeMap<>();
        if (loader instanceof URLClassLoader own) {
            for (URL url : own.getURLs()) {
                readFrom(url, files);
            }
        }
        return new MigrationFiles(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    @Override
    public LoadableResource getResource(String name) {
        String text = files.get(name);
        return text == null ? null : new Migration(name, text);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        files.forEach((name, text) -> {
            if (name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                found.add(new Migration(name, text));
            }
        });
        return found;
    }

    private static void readFrom(URL url, TreeMap<String, String> files) {
        try {
            Path path = Path.of(url.toURI());
            if (Files.isDirectory(path)) {
                Path folder = path.resolve(FOLDER);
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> list = Files.list(folder)) {
                        for (Path file : list.filter(f -> f.toString().endsWith(".sql")).toList()) {
                            files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                        }
                    }
                }
            } else if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        String name = entry.getName();
                        if (name.startsWith(FOLDER) && name.endsWith(".sql") && name.indexOf('/', FOLDER.length()) < 0) {
                            files.put(name.substring(FOLDER.length()),
                                    new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file URL: nothing of ours to read
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations of " + url, e);
        }
    }

    /** One migration script, held as text. */
    private static final class Migration extends LoadableResource {
        private final String name;
        private final String text;

        Migration(String name, String text) {
            this.name = name;
            this.text = text;
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
