package io.plugboard.repository.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.repository.PluginJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRepositoryTool {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final RepositoryTool tool = new RepositoryTool(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());

    @Test
    void keygenBuildAndVerifyWorkTogether() throws Exception {
        Path repo = Files.createDirectory(dir.resolve("repo"));
        Path jar = PluginJars.write(repo, "invoice-plugin", "1.0.0");
        String key = dir.resolve("acme").toString();

        assertThat(tool.run("keygen", key)).isZero();
        assertThat(tool.run("build", repo.toString(), "--base-url", "http://127.0.0.1:8080/repo", "--key", key + ".key")).isZero();
        assertThat(tool.run("verify", jar.toString(), "--trusted-keys", key + ".pub")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 plugins, 1 releases, all signed")
                .contains("invoice-plugin-1.0.0.jar: signed by ");
        assertThat(repo.resolve("plugins.json")).exists();
    }

    @Test
    void verifyFailsForAnUnsignedOrChangedJar() throws Exception {
        Path jar = PluginJars.write(dir, "invoice-plugin", "1.0.0");
        String key = dir.resolve("acme").toString();
        tool.run("keygen", key);

        assertThat(tool.run("verify", jar.toString(), "--trusted-keys", key + ".pub")).isEqualTo(1);
        assertThat(tool.run("sign", jar.toString(), "--key", key + ".key")).isZero();
        Files.write(jar, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertThat(tool.run("verify", jar.toString(), "--trusted-keys", key + ".pub")).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(": unsigned").contains("does not match the jar");
    }

    @Test
    void keygenNeverReplacesAKey() throws Exception {
        String key = dir.resolve("acme").toString();
        tool.run("keygen", key);
        String before = Files.readString(Path.of(key + ".key"));

        assertThat(tool.run("keygen", key)).isEqualTo(1);
        assertThat(Files.readString(Path.of(key + ".key"))).isEqualTo(before);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never replaces a key");
    }

    @Test
    void aCommandLineItCannotRunExitsWithTwoAndSaysWhy() {
        assertThat(tool.run()).isEqualTo(2);
        assertThat(tool.run("publish")).isEqualTo(2);
        assertThat(tool.run("build", dir.toString(), "--sign")).isEqualTo(2);
        assertThat(tool.run("sign", "x.jar")).isEqualTo(2);
        assertThat(tool.run("build", dir.resolve("missing").toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'publish'")
                .contains("unknown option --sign").contains("sign needs --key KEY").contains("is not a folder");
    }
}
