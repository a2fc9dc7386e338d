package io.plugboard.repository.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.PluginIndex;
import io.plugboard.repository.PluginJars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command, {@code target/plugboard-repository.jar}, run as publishers run it. */
class ITRepositoryCommand {

    @TempDir
    Path dir;

    @Test
    void theExecutableJarBuildsASignedRepository() throws Exception {
        Path command = Path.of("target", "plugboard-repository.jar").toAbsolutePath();
        Path repo = Files.createDirectory(dir.resolve("repo"));
        PluginJars.write(repo, "invoice-plugin", "1.0.0");

        assertThat(run(command, "keygen", dir.resolve("acme").toString())).contains("keep it secret");
        assertThat(run(command, "build", repo.toString(), "--key", dir.resolve("acme.key").toString()))
                .contains("1 plugins, 1 releases, all signed");

        PluginIndex index = IndexFormat.readIndex(Files.readAllBytes(repo.resolve("plugins.json")));
        assertThat(index.find("invoice-plugin").orElseThrow().releases()).hasSize(1);
    }

    private static String run(Path command, String... args) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", command.toString()));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
