package io.plugboard.host.testing;

import io.plugboard.host.Plugboard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link TestHost} for the tests of a class and closes it afterwards, with an optional
 * {@link Receiver} beside it. Registered on an instance field, each test gets a fresh host:
 * <pre>{@code @RegisterExtension final TestHostExtension host = TestHostExtension.fresh();}</pre>
 * Registered on a static field, the tests of the class share one host (only where no test depends on
 * a fresh one). The accessors mirror {@link TestHost}'s, so {@code host.host().events()} and
 * {@code host.createWebhook(...)} read as they did with a {@code TestHost} field.
 */
public final class TestHostExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    private final Supplier<TestHost> starter;
    private UnaryOperator<Receiver> receiverSetup = UnaryOperator.identity();
    private boolean shared;
    private TestHost host;
    private Path pluginsDir;
    private Path dataDir;
    private Receiver receiver;

    private TestHostExtension(Supplier<TestHost> starter) {
        this.starter = starter;
    }

    /** A host on fresh folders with no plugins ({@link TestHost#start()}). */
    public static TestHostExtension fresh() {
        return new TestHostExtension(TestHost::start);
    }

    /** A host started by {@code starter}, e.g. {@code () -> TestHost.start(pluginsWithObserver())}. */
    public static TestHostExtension startedBy(Supplier<TestHost> starter) {
        return new TestHostExtension(starter);
    }

    /** Sets up the receiver when it is first asked for, e.g. {@code r -> r.respond(200, "{}")}. */
    public TestHostExtension receiver(UnaryOperator<Receiver> setup) {
        this.receiverSetup = setup;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = true;
        started(starter.get());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!shared) {
            started(starter.get());
        }
    }

    private void started(TestHost started) {
        host = started;
        pluginsDir = started.pluginsDir();
        dataDir = started.dataDir();
    }

    /** Closes the host and keeps its folders, e.g. to open another host on them for a while. */
    public void stop() {
        testHost().close();
        host = null;
    }

    /** Starts a host again on the folders of the last one (its database and plugins). */
    public void restart() {
        if (host != null) {
            stop();
        }
        started(TestHost.start(pluginsDir, dataDir));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!shared) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /** @return the running test host */
    public TestHost testHost() {
        if (host == null) {
            throw new IllegalStateException("the host runs only during the tests of the class");
        }
        return host;
    }

    /** @return the embedded host itself, as {@link TestHost#host()} */
    public Plugboard host() {
        return testHost().host();
    }

    /** @return the admin's client, as {@link TestHost#http()} */
    public Http http() {
        return testHost().http();
    }

    /** @return the receiver, started when first asked for and closed with the host */
    public Receiver receiver() {
        if (receiver == null) {
            receiver = receiverSetup.apply(new Receiver());
        }
        return receiver;
    }

    /** As {@link TestHost#createWebhook(String, String, String...)}. */
    public com.fasterxml.jackson.databind.JsonNode createWebhook(String name, String url, String... events) {
        return testHost().createWebhook(name, url, events);
    }

    /** As {@link TestHost#connection()}. */
    public Connection connection() throws SQLException {
        return testHost().connection();
    }

    /** @return the plugins folder of the host, also while it is stopped */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** @return the data folder of the host, also while it is stopped */
    public Path dataDir() {
        return dataDir;
    }
}
