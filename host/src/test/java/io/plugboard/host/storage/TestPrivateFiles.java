package io.plugboard.host.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data folder holds the signing secrets, the secrets key and the plugins' copies: what the host
 * creates there is its user's alone. A folder others can read is left alone, with a warning.
 */
class TestPrivateFiles {

    @Test
    void theDataFolderAndTheFilesInItAreReadableByTheHostsUserOnly() throws IOException {
        Path data = TestHost.tempDir("parent").resolve("data");
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), data)) {
            host.createWebhook("Somewhere", "https://example.com/hook", "ping");
            assertThat(mode(data)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(data)) {
                files.filter(Files::isRegularFile).forEach(file ->
                        assertThat(mode(file)).as(file.getFileName().toString()).isEqualTo("rw-------"));
            }
            if (!host.onPostgres()) {
                assertThat(data.resolve("plugboard.db")).exists();
            }
            assertThat(data.resolve("secrets.key")).exists();
        }
    }

    @Test
    void aDataFolderOthersCanReadIsKeptAndWarnedAbout() throws IOException {
        Path data = TestHost.tempDir("data");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), data)) {
            assertThat(mode(data)).isEqualTo("rwxr-xr-x");
        } finally {
            System.setErr(original);
        }
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains(data.toAbsolutePath() + " can be read by other users of this machine (rwxr-xr-x)")
                .contains("chmod 700");
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
