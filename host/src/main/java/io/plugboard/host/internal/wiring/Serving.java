package io.plugboard.host.internal.wiring;

import io.javalin.config.JavalinConfig;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.web.MountPoint;
import io.plugboard.host.internal.web.PlugboardRoutes;
import io.plugboard.host.internal.web.WebServer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the host's routes are served: its own {@link WebServer}, or, when {@code mounted()}, a {@link MountPoint}
 * waiting for the application's Javalin. Says where it listens, in the log and to the inspector, once it knows.
 */
final class Serving {

    private static final Logger log = LoggerFactory.getLogger(Serving.class);

    private final HostConfig config;
    private final PlugboardRoutes served;
    private final PluginService plugins;
    /** The host's own server; null when mounted. */
    private final WebServer web;
    /** The routes waiting for, or in, the application's Javalin; null on the host's own server. */
    private final MountPoint mount;

    /** Starts serving: the host's own server listens when this returns; a mount point waits for the application. */
    Serving(HostConfig config, PlugboardRoutes served, Foundation base, EngineParts engine, AuthServices auth,
            Closing closing) {
        this.config = config;
        this.served = served;
        this.plugins = engine.plugins;
        String basePath = config.web().basePath().value();
        Runnable announce = () -> announce(basePath, base.registry.all().size(), !auth.users().any()
                && config.admin().login().app().isEmpty());
        if (config.web().mounted()) {
            web = null;
            // The routes go into the application's Javalin (PlugboardJavalin.mount); its server says where it listens.
            mount = closing.closing(new MountPoint(served, (host, port) -> {
                engine.inspector.listeningOn(host, port, basePath);
                announce.run();
            }));
            log.info("Plugboard {} is started, to be mounted under {} of the application's Javalin",
                    config.site().hostVersion(), basePath);
        } else {
            mount = null;
            web = closing.closing(new WebServer(config.web(), base.apiMapper, engine.plugins.maxUploadBytes(), served));
            web.start();
            engine.inspector.listeningOn(config.web().bindHost(), web.port(), basePath);
            announce.run();
        }
    }

    private void announce(String basePath, int eventTypes, boolean noAdmin) {
        String at = "http://" + listenHost() + ":" + port() + basePath;
        log.info("Plugboard {} is running: admin at {}/admin ({} event types from {} plugin(s))",
                config.site().hostVersion(), at, eventTypes, plugins.reports().size());
        if (noAdmin) {
            log.warn("No admin exists yet: open {}/admin/setup to create the first one "
                    + "(or configure the first admin: the adminUser option, configuration keys admin-user and "
                    + "admin-password)", at);
        }
    }

    /** @return the address the server listens on: the host's own server's, or the application's once started */
    String listenHost() {
        return mount != null ? mount.host() : config.web().bindHost();
    }

    /** @throws IllegalStateException when mounted and the application's server has not started yet */
    int port() {
        if (mount != null) {
            return mount.port().orElseThrow(() -> new IllegalStateException(
                    "the application's server has not started yet; its port is known once it has"));
        }
        return web.port();
    }

    /** Adds the host's routes to the application's Javalin (a {@code mounted()} host only). */
    void mount(JavalinConfig javalin) {
        if (mount == null) {
            throw new IllegalStateException("this host serves on its own server; build it with mounted() to mount it");
        }
        mount.mount(javalin);
    }

    List<String> routes() {
        return served.routes();
    }
}
