package io.plugboard.host.plugins;

import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.RepositoryServer;
import io.plugboard.host.testing.TestHost;
import io.plugboard.repository.IndexFormat;
import io.plugboard.repository.PluginIndex;
import io.plugboard.repository.RepositoryBuilder;
import io.plugboard.repository.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * A plugin repository for the tests: a folder of real plugin jars built in the test, its index built
 * with the publisher's {@link RepositoryBuilder} (signed by a key the host trusts, or unsigned), served
 * by a real HTTP server on 127.0.0.1.
 */
public final class PluginRepositoryFolder implements AutoCloseable {

    public static final String PUBLISHER = "Acme plugins";

    public final Path dir = TestHost.tempDir("repository");
    public final SigningKey key = SigningKey.generate();
    public final Path trustedKeys;
    private final RepositoryServer server = new RepositoryServer(dir);

    public PluginRepositoryFolder() {
        trustedKeys = dir.resolveSibling(dir.getFileName() + "-trusted-keys.pem");
        try {
            Files.writeString(trustedKeys, "# " + PUBLISHER + "\n" + key.publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return server.url();
    }

    /** A plugin jar of the given version that starts and contributes one event type of its own. */
    public static PluginJar invoice(String version) {
        return Plugins.good("invoice", "invoice_" + version.replace('.', '_')).manifest("Plugin-Version", version);
    }

    /** A version whose start throws: an update to it is rolled back. */
    public static PluginJar broken(String version) {
        return Plugins.throwingStart("invoice").manifest("Plugin-Version", version);
    }

    /** Puts the jar into the folder as {@code <id>-<version>.jar}, with optional release notes. */
    public Path add(PluginJar jar, String id, String version, String notes) {
        Path built = jar.writeTo(TestHost.tempDir("built"));
        try {
            Path target = dir.resolve(id + "-" + version + ".jar");
            Files.move(built, target);
            if (notes != null) {
                Files.writeString(dir.resolve(id + "-" + version + ".md"), notes);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds {@code plugins.json} (URLs relative to it), signing every jar with the trusted key. */
    public PluginIndex buildSigned() {
        return build(key);
    }

    /** Builds {@code plugins.json} with no signatures at all. */
    public PluginIndex buildUnsigned() {
        return build(null);
    }

    private PluginIndex build(SigningKey signer) {
        try {
            return new RepositoryBuilder(Clock.systemUTC()).build(dir, null, signer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {@code plugins.json} after changing what it says (to model a tampered repository). */
    public void rewriteIndex(UnaryOperator<PluginIndex> change) {
        try {
            Path file = dir.resolve("plugins.json");
            Files.write(file, IndexFormat.write(change.apply(IndexFormat.readIndex(Files.readAllBytes(file)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
