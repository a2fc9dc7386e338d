package io.plugboard.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Maven that runs this build as a child process, on a local repository of its own: this
 * build's io.plugboard artifacts there, everything else read from the outer local repository first
 * and Maven Central after (a settings profile), so nothing is written to the outer repository.
 */
final class ChildMaven {

    private final Path mavenHome;
    private final Path localRepo;
    private final Path settings;

    ChildMaven(Path mavenHome, Path localRepo, Path outerRepo, Path workDir) throws IOException {
        this.mavenHome = mavenHome;
        this.localRepo = localRepo;
        this.settings = workDir.resolve("settings.xml");
        // checksumPolicy ignore: a local repository read as a remote one has no checksum files for everything.
        String repo = """
                <repository><id>outer-local</id><url>%s</url>
                  <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>
                </repository>""".formatted(outerRepo.toUri());
        Files.writeString(settings, """
                <settings>
                  <profiles><profile><id>outer-local</id>
                    <repositories>%s</repositories>
                    <pluginRepositories>%s</pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>outer-local</activeProfile></activeProfiles>
                </settings>
                """.formatted(repo, repo.replace("repository>", "pluginRepository>")));
    }

    /** Runs {@code mvn args} in {@code dir}; fails with the end of the log unless it succeeds in time. */
    void run(Path dir, String... args) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase().contains("win");
        List<String> command = new ArrayList<>(List.of(mavenHome.resolve(windows ? "bin/mvn.cmd" : "bin/mvn").toString(),
                "-B", "-ntp", "-Dstyle.color=never", "-s", settings.toString(), "-Dmaven.repo.local=" + localRepo));
        command.addAll(List.of(args));
        Path log = dir.resolve("mvn-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 10 minutes:\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("mvn " + String.join(" ", args) + " failed (" + process.exitValue() + "):\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
