package io.plugboard.testkit;

import io.plugboard.host.Plugboard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What a harness owns and must release: the temporary folders, the capture endpoint and the host.
 * Closing is safe at any point of a failed start.
 */
final class HarnessSetup implements AutoCloseable {

    static final String ADMIN_USER = "testkit";

    private final Path root;
    private final CaptureEndpoint capture = new CaptureEndpoint();
    private final String adminPassword = randomPassword();
    private Path pluginJar;
    private Plugboard host;
    private HostApi api;

    HarnessSetup() {
        try {
            root = Files.createTempDirectory("plugboard-testkit-");
            Files.createDirectories(pluginsDir());
        } catch (IOException e) {
            capture.close();
            throw new UncheckedIOException("cannot create the harness's temporary folders", e);
        }
    }

    Path pluginsDir() {
        return root.resolve("plugins");
    }

    Path dataDir() {
        return root.resolve("data");
    }

    void pluginJar(Path jar) {
        this.pluginJar = jar;
    }

    void started(Plugboard host) {
        this.host = host;
        this.api = new HostApi(host.baseUrl(), ADMIN_USER, adminPassword);
    }

    Path pluginJar() { return pluginJar; }

    Plugboard host() { return host; }

    HostApi api() { return api; }

    CaptureEndpoint capture() { return capture; }

    String adminPassword() { return adminPassword; }

    @Override
    public void close() {
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            capture.close();
            deleteQuietly(root);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Best effort: a file still open elsewhere (e.g. on Windows) stays behind in the temp folder. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left for the OS's temp cleanup
                }
            });
        } catch (IOException ignored) {
            // nothing to delete
        }
    }
}
