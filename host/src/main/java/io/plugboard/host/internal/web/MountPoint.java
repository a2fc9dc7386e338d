package io.plugboard.host.internal.web;

import io.javalin.config.JavalinConfig;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * Plugboard inside an application's Javalin: {@link #mount} adds its routes ({@link PlugboardRoutes}) to the
 * application's configuration and learns, once the application's server has started, where it listens (for
 * the inspector's own URLs and {@code Plugboard.port()}). Closing it does not touch the application's server:
 * Plugboard's routes stay registered (Javalin cannot remove them) and answer 503.
 */
public final class MountPoint implements AutoCloseable {

    private final PlugboardRoutes routes;
    private final BiConsumer<String, Integer> listening;
    private volatile boolean running = true;
    private volatile int port = -1;
    private volatile String host;

    /** @param listening told the application's listen address and port once its server has started */
    public MountPoint(PlugboardRoutes routes, BiConsumer<String, Integer> listening) {
        this.routes = routes;
        this.listening = listening;
    }

    /**
     * @param javalin the application's configuration, while its Javalin is created
     * @throws IllegalStateException if the host was mounted already, or is closed
     */
    public synchronized void mount(JavalinConfig javalin) {
        if (!running) {
            throw new IllegalStateException("this host was closed; build and start a new one to mount");
        }
        routes.mountOn(javalin, () -> running);
        javalin.events.serverStarted(() -> started(javalin.unsafe.jettyInternal.server));
    }

    private void started(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network && network.getLocalPort() > 0) {
                host = network.getHost() == null ? "0.0.0.0" : network.getHost();
                port = network.getLocalPort();
                listening.accept(host, port);
                return;
            }
        }
    }

    /** @return the application's port, once its server has started */
    public OptionalInt port() {
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** @return the address the application's server listens on ({@code 0.0.0.0}: every one), or null before it started */
    public String host() {
        return host;
    }

    @Override
    public void close() {
        running = false;
    }
}
