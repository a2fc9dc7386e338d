package io.plugboard.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.testkit.CapturedRequest;
import io.plugboard.testkit.PluginHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a plugin author does, end to end: generate a project from the archetype, build it with Maven
 * (its own testkit test runs too), and drop the jar into a real host.
 */
class ITPluginArchetype {

    private static final String VERSION = setting("version");

    /** Set by the failsafe configuration in this module's pom; run the test through Maven. */
    static String setting(String name) {
        String value = System.getProperty("plugboard.it." + name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("plugboard.it." + name + " is not set: run this test with mvn verify");
        }
        return value;
    }

    @Test
    void a_generated_project_builds_into_a_jar_that_a_host_loads_and_delivers_from() throws Exception {
        long started = System.nanoTime();
        Path work = fresh(Path.of(setting("work")));
        Path repo = Path.of(setting("repo"));
        installParentPom(repo);
        ChildMaven maven = new ChildMaven(Path.of(setting("mavenHome")), repo,
                Path.of(setting("outerRepo")), work);

        maven.run(work, "org.apache.maven.plugins:maven-archetype-plugin:"
                        + setting("archetypePluginVersion") + ":generate",
                "-DinteractiveMode=false", "-DarchetypeCatalog=internal",
                "-DarchetypeGroupId=io.plugboard", "-DarchetypeArtifactId=plugboard-plugin-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=com.example.shipping", "-DartifactId=shipping-plugin",
                "-Dversion=1.0.0", "-Dpackage=com.example.shipping", "-DpluginId=shipping", "-DeventKey=shipment_sent");
        Path project = work.resolve("shipping-plugin");
        assertThat(project.resolve("src/main/java/com/example/shipping/ExampleEvents.java")).exists();
        assertThat(project.resolve("src/main/resources/schemas/shipment_sent.schema.json")).exists();
        assertThat(Files.readString(project.resolve("src/main/resources/plugboard/migrations/V1__create_records.sql")))
                .contains("CREATE TABLE p_shipping_records (").doesNotContain("#set");
        assertThat(Files.readString(project.resolve("src/main/java/com/example/shipping/ExampleRecords.java")))
                .contains("TABLE = \"p_shipping_records\"").doesNotContain("#set");
        assertThat(project.resolve("src/main/java/com/example/shipping/ExampleDestination.java"))
                .as("the outbound examples only when asked for").doesNotExist();
        long generated = System.nanoTime();

        maven.run(project, "verify");
        long built = System.nanoTime();
        assertThat(lastLog(project)).as("plugboard-maven-plugin:verify is bound to the verify phase")
                .contains("Plugboard verifier: shipping-plugin-1.0.0.jar passed");

        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.shipping.TestExampleEvents.xml")))
                .contains("tests=\"3\"").contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.shipping.TestExampleRecords.xml")))
                .contains("tests=\"3\"").contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.shipping.TestExampleRecordsPage.xml")))
                .contains("tests=\"2\"").contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(Files.readString(project.resolve("src/main/resources/templates/records.hbs")))
                .as("copied as it is, not read by Velocity").contains("{{#if form.errors.title}}");
        Path jar = project.resolve("target/shipping-plugin-1.0.0.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("shipping");
            assertThat(manifest.getValue("Plugin-Version")).isEqualTo("1.0.0");
            assertThat(manifest.getValue("Plugin-Class")).isEqualTo("com.example.shipping.ExamplePlugin");
            assertThat(manifest.getValue("Plugin-Requires")).startsWith(">=");
            assertThat(file.getEntry("META-INF/extensions.idx")).isNotNull();
            assertThat(file.getEntry("templates/records.hbs")).isNotNull();
            assertThat(file.stream().map(e -> e.getName()))
                    .noneMatch(name -> name.startsWith("io/plugboard/sdk/") || name.startsWith("org/slf4j/")
                            || name.startsWith("org/pf4j/"));
        }

        try (PluginHarness host = PluginHarness.builder().jar(jar).start()) {
            assertThat(host.plugin().started()).isTrue();
            assertThat(host.plugin().eventTypes()).containsExactly("shipment_sent");
            CapturedRequest request = host.awaitDelivery(host.emitSample("shipment_sent"))
                    .assertSignedWith(host.signingSecret());
            assertThat(request.data().string("example_id")).isEqualTo("exm_1x8Qd2");
            String recorded = host.api().post("/api/v1/plugins/shipping/records", host.sample("shipment_sent"))
                    .expect(201).json().path("event_id").asText();
            assertThat(host.awaitDelivery(recorded).data()).isEqualTo(host.sample("shipment_sent"));
            assertThat(host.api().get("/api/v1/plugins/shipping/records").expect(200).json().path("records").size())
                    .isEqualTo(1);
        }
        System.out.printf("archetype IT: generate %d ms, verify (with the generated test) %d ms, load %d ms, total %d ms%n",
                (generated - started) / 1_000_000, (built - generated) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000, (System.nanoTime() - started) / 1_000_000);

        // A class that would stop the host, and a page whose template is not in the jar: the goal refuses the jar
        // with both (the generated tests are skipped, so the refusal is the goal's own).
        Files.writeString(project.resolve("src/main/java/com/example/shipping/Quitter.java"), """
                package com.example.shipping;
                class Quitter {
                    void quit() { System.exit(1); }
                    Object page() { return io.plugboard.sdk.web.AdminPage.builder("x", "templates/missing.hbs").build(); }
                }
                """);
        assertThatThrownBy(() -> maven.run(project, "verify", "-DskipTests"))
                .hasMessageContaining("shipping-plugin-1.0.0.jar would be refused by Plugboard: 2 problems")
                .hasMessageContaining("class com.example.shipping.Quitter calls System.exit (in quit())")
                .hasMessageContaining("'templates/missing.hbs', which is not in the plugin");
    }

    /** @return the log of the last child Maven run in the directory */
    private static String lastLog(Path dir) throws IOException {
        try (var logs = Files.list(dir)) {
            Path last = logs.filter(p -> p.getFileName().toString().startsWith("mvn-")).max(java.util.Comparator
                    .comparing(p -> Long.parseLong(p.getFileName().toString().replaceAll("\\D", "")))).orElseThrow();
            return Files.readString(last);
        }
    }

    @Test
    void with_outbound_examples_the_generated_destination_and_format_work_in_a_host() throws Exception {
        Path work = fresh(Path.of(setting("work") + "-outbound"));
        Path repo = Path.of(setting("repo"));
        installParentPom(repo);
        ChildMaven maven = new ChildMaven(Path.of(setting("mavenHome")), repo, Path.of(setting("outerRepo")), work);
        maven.run(work, "org.apache.maven.plugins:maven-archetype-plugin:" + setting("archetypePluginVersion") + ":generate",
                "-DinteractiveMode=false", "-DarchetypeCatalog=internal",
                "-DarchetypeGroupId=io.plugboard", "-DarchetypeArtifactId=plugboard-plugin-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=com.example.drop", "-DartifactId=drop-plugin",
                "-Dversion=1.0.0", "-Dpackage=com.example.drop", "-DpluginId=drop", "-DeventKey=file_dropped",
                "-DwithOutboundExamples=true");
        Path project = work.resolve("drop-plugin");
        maven.run(project, "package");
        assertThat(Files.readString(project.resolve("target/surefire-reports/TEST-com.example.drop.TestExampleOutbound.xml")))
                .contains("tests=\"2\"").contains("failures=\"0\"").contains("errors=\"0\"");

        Path folder = Files.createDirectories(work.resolve("dropped"));
        try (PluginHarness host = PluginHarness.builder().jar(project.resolve("target/drop-plugin-1.0.0.jar")).start()) {
            assertThat(host.api().get("/api/v1/destinations").expect(200).json().findValuesAsText("id"))
                    .contains("file-drop");
            assertThat(host.api().get("/api/v1/formats").expect(200).json().findValuesAsText("id")).contains("one-line");
            host.api().post("/api/v1/webhooks", java.util.Map.of("name", "Drop", "events", java.util.List.of("file_dropped"),
                    "format", "one-line", "format_settings", java.util.Map.of("prefix", "[drop]"),
                    "destination", java.util.Map.of("type", "file-drop", "settings", java.util.Map.of("folder", folder.toString()))))
                    .expect(201);
            String eventId = host.emitSample("file_dropped");
            Path file = folder.resolve("file_dropped-" + eventId + ".json");
            long deadline = System.nanoTime() + PluginHarness.DEFAULT_TIMEOUT.toNanos();
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000); // poll for the file, with a deadline
            }
            assertThat(file).exists();
            assertThat(Files.readString(file)).startsWith("[drop] File dropped {");
        }
    }

    /** The parent pom is not a dependency, so copy-dependencies leaves it out; the SDK's pom needs it. */
    static void installParentPom(Path repo) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("io/plugboard/plugboard-parent/" + VERSION));
        Files.copy(Path.of(setting("parentPom")),
                dir.resolve("plugboard-parent-" + VERSION + ".pom"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
