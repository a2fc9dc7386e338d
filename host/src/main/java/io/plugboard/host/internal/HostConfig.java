package io.plugboard.host.internal;

import io.javalin.config.JavalinConfig;
import io.plugboard.host.DeliverySettings;
import io.plugboard.sdk.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Everything the host is configured with, fixed at build time. */
public record HostConfig(
        Path pluginsDir,
        Path dataDir,
        String bindHost,
        int port,
        String siteName,
        List<EventType> appEventTypes,
        List<Consumer<JavalinConfig>> webCustomizers,
        DeliverySettings delivery,
        boolean allowPrivateTargets,
        List<String> allowedTargets,
        String initialAdminUser,
        String initialAdminPassword,
        Duration sessionIdleTimeout,
        boolean behindProxy,
        long maxRequestBytes,
        String hostVersion) {

    public HostConfig {
        appEventTypes = List.copyOf(appEventTypes);
        webCustomizers = List.copyOf(webCustomizers);
        allowedTargets = List.copyOf(allowedTargets);
    }
}
