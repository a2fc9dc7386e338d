package io.plugboard.host.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar during a test: compiles Java sources with javac (PF4J's annotation
 * processor writes the extension index, as in a plugin author's build) and packs them with PF4J
 * manifest entries and resources.
 */
public final class PluginJar {

    private final String id;
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final Map<String, byte[]> bundled = new LinkedHashMap<>();
    private String classPath = PLUGIN_CLASS_PATH;

    private PluginJar(String id) {
        this.id = id;
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", "1.0.0");
        manifest.put("Plugin-Provider", "Test Provider");
        manifest.put("Plugin-Description", "Test plugin " + id);
    }

    public static PluginJar plugin(String id) {
        return new PluginJar(id);
    }

    public PluginJar manifest(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /** @param className fully qualified, e.g. {@code test.p1.Events} */
    public PluginJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public PluginJar resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** Packs a copy of a class from the test's class path into the jar, as a plugin that bundles a library would. */
    public PluginJar bundle(Class<?> type) {
        String path = type.getName().replace('.', '/') + ".class";
        try (var in = type.getClassLoader().getResourceAsStream(path)) {
            bundled.put(path, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Compiles against the test's whole class path, the host included: for a plugin that uses the host's own
     * classes, which the host must refuse, and which a plugin project (SDK, PF4J, SLF4J only) could not build.
     */
    public PluginJar compiledAgainstTheHost() {
        classPath = System.getProperty("java.class.path");
        return this;
    }

    /** Compiles and writes {@code <id>.jar} into {@code dir}. */
    public Path writeTo(Path dir) {
        try {
            Path classes = Files.createTempDirectory("plugin-" + id + "-classes");
            compile(classes);
            resources.forEach((path, content) -> write(classes.resolve(path), content));
            for (var e : bundled.entrySet()) {
                Files.createDirectories(classes.resolve(e.getKey()).getParent());
                Files.write(classes.resolve(e.getKey()), e.getValue());
            }
            Path jar = dir.resolve(id + ".jar");
            Files.createDirectories(dir);
            pack(classes, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles into {@code dir} as a build's {@code target/classes} would look, with the descriptor
     * as {@code plugin.properties} (for development mode: loading a plugin without packaging it).
     */
    public Path writeClassesTo(Path dir) {
        try {
            Files.createDirectories(dir);
            compile(dir);
            resources.forEach((path, content) -> write(dir.resolve(path), content));
            StringBuilder properties = new StringBuilder();
            manifest.forEach((k, v) -> properties.append(k.toLowerCase().replace('-', '.')).append('=').append(v).append('\n'));
            write(dir.resolve("plugin.properties"), properties.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the jar's bytes, built in a temporary folder */
    public byte[] bytes() {
        try {
            return Files.readAllBytes(writeTo(Files.createTempDirectory("plugin-" + id + "-jar")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The classes of every set of sources compiled so far in this test run: the same sources compile to the
     * same classes, and javac is the slow part of building a plugin jar (the suite builds the same few
     * plugins many times).
     */
    private static final Map<Map<String, String>, Map<String, byte[]>> COMPILED = new ConcurrentHashMap<>();
    /**
     * What a plugin compiles against: the SDK, PF4J and SLF4J, as a real plugin project does. Not the test's
     * whole class path: javac opened every one of its ~200 jars for each compile, most of a jar's build time.
     */
    private static final String PLUGIN_CLASS_PATH = Stream.of(System.getProperty("java.class.path")
                    .split(java.io.File.pathSeparator))
            .filter(entry -> entry.contains("plugin-sdk") || entry.matches(".*[/\\\\](pf4j|slf4j-api)-[^/\\\\]*\\.jar"))
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));

    private void compile(Path out) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Map<String, String> key = new LinkedHashMap<>(sources);
        Map<String, byte[]> classes = COMPILED.get(key);
        if (classes == null) {
            classes = javac();
            COMPILED.put(key, classes);
        }
        for (var e : classes.entrySet()) {
            Path file = out.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    /** @return the compiled files by their path relative to the output folder */
    private Map<String, byte[]> javac() throws IOException {
        Path src = Files.createTempDirectory("plugin-" + id + "-src");
        Path out = Files.createTempDirectory("plugin-" + id + "-compiled");
        List<Path> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            write(file, e.getValue());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", classPath,
                    "--release", "17", "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("test plugin " + id + " does not compile: " + diagnostics.getDiagnostics());
            }
        }
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                compiled.put(out.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return Map.copyOf(compiled);
    }

    private void pack(Path classes, Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
