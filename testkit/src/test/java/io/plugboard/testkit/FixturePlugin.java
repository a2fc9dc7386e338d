package io.plugboard.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A plugin author's {@code target/classes}, made during the test: sources compiled with javac and
 * PF4J's index processor, plus resources, in a folder of its own.
 */
final class FixturePlugin {

    static final String SAMPLE = "{\"parcel_id\":\"prc_1\",\"weight_grams\":1200}";
    static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"parcel_id\"],"
            + "\"properties\":{\"parcel_id\":{\"type\":\"string\",\"pattern\":\"^prc_\"},\"weight_grams\":{\"type\":\"integer\"}}}";

    /** Compiled once per variant and JVM (javac is the slow part), then copied for each test. */
    private static final java.util.Map<Boolean, Path> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private FixturePlugin() {}

    /**
     * A plugin with one event type, {@code parcel_weighed}, and a main class that may fail in start() and
     * otherwise declares two settings, {@code scale} (default {@code kitchen}) and {@code max_grams} (5000).
     *
     * @return {@code dir/classes}, a fresh copy the test may change
     */
    static Path compile(Path dir, boolean failInStart) throws IOException {
        Path compiled = COMPILED.get(failInStart);
        if (compiled == null) {
            compiled = compileInto(Files.createTempDirectory("plugboard-fixture-"), failInStart);
            COMPILED.put(failInStart, compiled);
        }
        Path classes = dir.resolve("classes");
        try (var walk = Files.walk(compiled)) {
            for (Path p : walk.toList()) {
                Path target = classes.resolve(compiled.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return classes;
    }

    private static Path compileInto(Path dir, boolean failInStart) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.resolve("fixture"));
        Files.createDirectories(classes);
        Files.writeString(src.resolve("fixture/ParcelEvents.java"), """
                package fixture;
                import io.plugboard.sdk.EventType;
                import io.plugboard.sdk.EventTypeProvider;
                import java.util.List;
                @org.pf4j.Extension
                public class ParcelEvents implements EventTypeProvider {
                    public List<EventType> eventTypes() {
                        return List.of(EventType.builder("parcel_weighed").name("Parcel weighed").group("Parcels")
                                .sample(%s).schema(%s).build());
                    }
                }
                """.formatted(quote(SAMPLE), quote(SCHEMA)));
        Files.writeString(src.resolve("fixture/ParcelPlugin.java"), """
                package fixture;
                import io.plugboard.sdk.PlugboardPlugin;
                import io.plugboard.sdk.PluginContext;
                import io.plugboard.sdk.settings.Setting;
                import io.plugboard.sdk.settings.SettingType;
                public class ParcelPlugin extends PlugboardPlugin {
                    public ParcelPlugin(PluginContext context) { super(context); }
                    @Override public void start() {
                        if (%s) throw new IllegalStateException("scale not found");
                        context().settings().declare(java.util.List.of(
                                Setting.builder("scale", SettingType.STRING).defaultValue("kitchen").build(),
                                Setting.builder("max_grams", SettingType.INTEGER).defaultValue("5000").build()));
                    }
                }
                """.formatted(failInStart));
        javac(src, classes);
        return classes;
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void javac(Path src, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(src)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor");
            if (!javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call()) {
                throw new AssertionError("the fixture plugin does not compile: " + diagnostics.getDiagnostics());
            }
        }
    }
}
