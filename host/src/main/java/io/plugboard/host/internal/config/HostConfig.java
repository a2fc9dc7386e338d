package io.plugboard.host.internal.config;

import io.javalin.config.JavalinConfig;
import io.plugboard.host.internal.delivery.DeliveryConfig;
import io.plugboard.host.internal.payloads.TemplateBudget;
import io.plugboard.host.internal.plugins.PluginTimeLimits;
import io.plugboard.host.internal.storage.DatabaseSettings;
import io.plugboard.sdk.EventType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the host is configured with, fixed at build time.
 *
 * @param database the shared PostgreSQL database, or null for the SQLite file in {@code dataDir}
 * @param instanceId this instance's id among those sharing the database, or null for a random one
 * @param templates how long one payload template render may take and how much it may write
 * @param allowedHosts the names {@code /admin} and {@code /api} answer to, besides the defaults
 */
public record HostConfig(
        Path pluginsDir,
        Path dataDir,
        String bindHost,
        int port,
        String siteName,
        List<EventType> appEventTypes,
        List<Consumer<JavalinConfig>> webCustomizers,
        DeliveryConfig delivery,
        boolean allowPrivateTargets,
        List<String> allowedTargets,
        String initialAdminUser,
        String initialAdminPassword,
        Duration sessionIdleTimeout,
        boolean behindProxy,
        long maxRequestBytes,
        boolean appSecurityHeaders,
        String appContentSecurityPolicy,
        String hostVersion,
        PluginConfig plugins,
        DatabaseSettings database,
        String instanceId,
        TemplateBudget templates,
        AllowedHosts allowedHosts) {

    /**
     * How plugins are handled.
     *
     * @param developmentDirs classes directories loaded as plugins (development mode)
     * @param watch whether the plugins folder is watched for jars added, replaced or removed
     * @param maxJarBytes the largest jar accepted by upload
     * @param rejectInvalidEventData whether {@code emit} refuses data that breaks the type's schema
     *     (otherwise it logs a warning and accepts it)
     * @param timeLimits how long a plugin's {@code start()} and {@code stop()} may take
     */
    public record PluginConfig(List<Path> developmentDirs, boolean watch, long maxJarBytes,
                               boolean rejectInvalidEventData, PluginTimeLimits timeLimits) {
        public PluginConfig {
            developmentDirs = List.copyOf(developmentDirs);
        }
    }


    public HostConfig {
        appEventTypes = List.copyOf(appEventTypes);
        webCustomizers = List.copyOf(webCustomizers);
        allowedTargets = List.copyOf(allowedTargets);
        allowedHosts = allowedHosts == null ? AllowedHosts.defaults() : allowedHosts;
    }
}
