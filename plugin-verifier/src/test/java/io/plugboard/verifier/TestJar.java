package io.plugboard.verifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Builds a real plugin jar for a verifier test: Java sources compiled with javac against the test's class
 * path (the SDK, PF4J), PF4J's annotation processor writing the extension index unless turned off, a
 * manifest and resources. Classes compiled only to be referred to can be left out of the jar, as a
 * library the plugin forgot to bundle would be.
 */
final class TestJar {

    private final String id;
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> leftOut = new ArrayList<>();
    private boolean index = true;
    private String duplicated;

    private TestJar(String id) {
        this.id = id;
        manifest.put("Plugin-Id", id);
        manifest.put("Plugin-Version", "1.0.0");
        manifest.put("Plugin-Provider", "Test Provider");
        manifest.put("Plugin-Description", "Test plugin " + id);
    }

    static TestJar plugin(String id) {
        return new TestJar(id);
    }

    /** @param value null removes the entry */
    TestJar manifest(String name, String value) {
        if (value == null) {
            manifest.remove(name);
        } else {
            manifest.put(name, value);
        }
        return this;
    }

    TestJar source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    TestJar resource(String path, String content) {
        resources.put(path, content);
        return this;
    }

    /** Compiles the class but leaves it out of the jar. */
    TestJar leaveOut(String className) {
        leftOut.add(className.replace('.', '/') + ".class");
        return this;
    }

    /** Compiles without PF4J's annotation processor: no extension index. */
    TestJar withoutIndex() {
        index = false;
        return this;
    }

    /** Writes this resource into the jar twice. */
    TestJar twice(String path) {
        duplicated = path;
        return this;
    }

    Path writeTo(Path dir) {
        try {
            Path classes = Files.createTempDirectory(dir, "classes-");
            compile(classes);
            for (var e : resources.entrySet()) {
                Files.createDirectories(classes.resolve(e.getKey()).getParent());
                Files.writeString(classes.resolve(e.getKey()), e.getValue());
            }
            for (String name : leftOut) {
                Files.delete(classes.resolve(name));
            }
            Path jar = dir.resolve(id + ".jar");
            Files.write(jar, pack(classes));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path out) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Path src = Files.createTempDirectory("verifier-test-src");
        List<Path> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "17"));
            options.addAll(index ? List.of("-processor", "org.pf4j.processor.ExtensionAnnotationProcessor")
                    : List.of("-proc:none"));
            if (!javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call()) {
                throw new IllegalStateException("test plugin " + id + " does not compile: " + diagnostics.getDiagnostics());
            }
        }
    }

    /**
     * A JarOutputStream refuses an entry name twice, so the second copy is written under a name of the same
     * length and renamed in the written bytes (the names are not part of any checksum).
     */
    private byte[] pack(Path classes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String stand = duplicated == null ? null : duplicated.substring(0, duplicated.length() - 1) + "~";
        try (JarOutputStream out = new JarOutputStream(bytes, mf); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
                out.closeEntry();
                if (name.equals(duplicated)) {
                    out.putNextEntry(new JarEntry(stand));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
        }
        if (stand == null) {
            return bytes.toByteArray();
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        return text.replace(stand, duplicated).getBytes(StandardCharsets.ISO_8859_1);
    }
}
