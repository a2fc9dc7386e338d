package io.plugboard.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an embedding application's build resolves, seen by a child Maven on a fresh project: with
 * {@code plugboard-bom} imported first, the host's Jetty wins over an older one pinned by a later BOM
 * (as Spring Boot's can), and every Jackson module has the host's version; without the BOM, Jackson is
 * still one version. Either way the optional PostgreSQL driver and the excluded jars stay out.
 */
class ITEmbedderDependencies {

    private static final String VERSION = ITPluginArchetype.setting("version");
    /** A Jetty the host refuses, present in the local repository (the host's tests use 12.0 too). */
    private static final String OLDER_JETTY = "12.0.23";

    @Test
    void anApplicationImportingTheBomFirstGetsTheHostsJettyJavalinJacksonAndJdbi() throws Exception {
        Map<String, String> resolved = resolve("bom-app", """
                <dependencyManagement><dependencies>
                  <dependency><groupId>io.plugboard</groupId><artifactId>plugboard-bom</artifactId>
                    <version>%s</version><type>pom</type><scope>import</scope></dependency>
                  <dependency><groupId>org.eclipse.jetty</groupId><artifactId>jetty-bom</artifactId>
                    <version>%s</version><type>pom</type><scope>import</scope></dependency>
                  <dependency><groupId>org.eclipse.jetty.ee10</groupId><artifactId>jetty-ee10-bom</artifactId>
                    <version>%s</version><type>pom</type><scope>import</scope></dependency>
                </dependencies></dependencyManagement>
                <dependencies>
                  <dependency><groupId>io.plugboard</groupId><artifactId>plugboard-host</artifactId></dependency>
                </dependencies>
                """.formatted(VERSION, OLDER_JETTY, OLDER_JETTY));

        assertThat(versionsOf(resolved, "org.eclipse.jetty")).containsExactly(ITPluginArchetype.setting("jettyVersion"));
        assertThat(resolved).containsEntry("io.javalin:javalin", ITPluginArchetype.setting("javalinVersion"))
                .containsEntry("org.jdbi:jdbi3-core", ITPluginArchetype.setting("jdbiVersion"));
        assertThat(versionsOf(resolved, "com.fasterxml.jackson")).containsExactly(ITPluginArchetype.setting("jacksonVersion"));
        assertLeftOut(resolved);
    }

    @Test
    void anApplicationWithoutTheBomStillGetsOneJacksonVersion() throws Exception {
        Map<String, String> resolved = resolve("plain-app", """
                <dependencies>
                  <dependency><groupId>io.plugboard</groupId><artifactId>plugboard-host</artifactId>
                    <version>%s</version></dependency>
                </dependencies>
                """.formatted(VERSION));

        assertThat(versionsOf(resolved, "com.fasterxml.jackson")).containsExactly(ITPluginArchetype.setting("jacksonVersion"));
        assertLeftOut(resolved);
    }

    private static void assertLeftOut(Map<String, String> resolved) {
        assertThat(resolved.keySet()).contains("io.plugboard:plugboard-host", "org.xerial:sqlite-jdbc")
                .doesNotContain("org.postgresql:postgresql", "org.openjdk.nashorn:nashorn-core",
                        "org.eclipse.jetty.ee10:jetty-ee10-annotations", "org.eclipse.jetty.ee10:jetty-ee10-webapp");
    }

    /** @return groupId:artifactId to version of the project's runtime class path, resolved by a child Maven */
    private static Map<String, String> resolve(String name, String body) throws IOException, InterruptedException {
        Path work = Files.createDirectories(Path.of(ITPluginArchetype.setting("work")).getParent().resolve("embedder-it"));
        Path project = ITPluginArchetype.fresh(work.resolve(name));
        Path repo = Path.of(ITPluginArchetype.setting("repo"));
        ITPluginArchetype.installParentPom(repo);
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId><artifactId>%s</artifactId><version>1.0.0</version>
                  %s
                </project>
                """.formatted(name, body));
        ChildMaven maven = new ChildMaven(Path.of(ITPluginArchetype.setting("mavenHome")), repo,
                Path.of(ITPluginArchetype.setting("outerRepo")), work);
        maven.run(project, "org.apache.maven.plugins:maven-dependency-plugin:"
                + ITPluginArchetype.setting("dependencyPluginVersion") + ":list",
                "-DincludeScope=runtime", "-DoutputFile=runtime.txt", "-DexcludeTransitive=false");
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String line : Files.readAllLines(project.resolve("runtime.txt"))) {
            String[] parts = line.strip().split(" ")[0].split(":");
            if (parts.length >= 5) {
                // groupId:artifactId:type[:classifier]:version:scope
                resolved.put(parts[0] + ":" + parts[1], parts[parts.length - 2]);
            }
        }
        assertThat(resolved).as("the child's runtime class path").isNotEmpty();
        return resolved;
    }

    private static TreeSet<String> versionsOf(Map<String, String> resolved, String groupPrefix) {
        return resolved.entrySet().stream().filter(e -> e.getKey().startsWith(groupPrefix))
                // jackson-annotations has its own version line (2.22 for 2.22.x)
                .filter(e -> !e.getKey().equals("com.fasterxml.jackson.core:jackson-annotations"))
                .map(Map.Entry::getValue).collect(Collectors.toCollection(TreeSet::new));
    }
}
