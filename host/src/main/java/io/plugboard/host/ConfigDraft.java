package io.plugboard.host;

import io.javalin.config.JavalinConfig;
import io.plugboard.host.internal.common.HostVersion;
import io.plugboard.host.internal.auth.PasswordHashing;
import io.plugboard.host.internal.config.AdminConfig;
import io.plugboard.host.internal.config.AllowedHosts;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.PortalConfig;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.config.LoginConfig;
import io.plugboard.host.internal.config.PluginConfig;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.config.SiteConfig;
import io.plugboard.host.internal.config.TargetsConfig;
import io.plugboard.host.internal.config.WebConfig;
import io.plugboard.host.internal.events.OperationalSettings;
import io.plugboard.host.internal.payloads.TemplateBudget;
import io.plugboard.host.internal.plugins.PluginTimeLimits;
import io.plugboard.host.internal.repository.UpdatePolicy;
import io.plugboard.host.internal.storage.AppDatabase;
import io.plugboard.host.internal.storage.DatabaseSettings;
import io.plugboard.sdk.EventType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link PlugboardBuilder} has been told so far, with the defaults; {@link #toConfig()} groups it
 * into the host's {@link HostConfig}. Kept apart from the builder so the builder is its public methods
 * and their documentation; the checks those methods make are in {@link BuilderChecks}.
 */
final class ConfigDraft {
    Path pluginsDir = Path.of("plugins");
    Path dataDir = Path.of("plugboard-data");
    String bindHost = "127.0.0.1";
    int port = 8080;
    String siteName = "Plugboard";
    final List<EventType> eventTypes = new ArrayList<>();
    final List<Consumer<JavalinConfig>> webCustomizers = new ArrayList<>();
    DeliverySettings delivery = DeliverySettings.defaults();
    boolean allowPrivateTargets;
    final List<String> allowedTargets = new ArrayList<>();
    String adminUser;
    String adminPassword;
    Duration sessionIdleTimeout = Duration.ofMinutes(30);
    /** Not an option: only the host's own tests (through {@code InternalConfigs}) make it cheaper. */
    PasswordHashing passwordHashing = PasswordHashing.standard();
    boolean behindProxy;
    long maxRequestBytes = 1_048_576;
    final List<Path> developmentPlugins = new ArrayList<>();
    boolean watchPluginsDir = true;
    long maxPluginBytes = 50L * 1024 * 1024;
    PluginTimeLimits pluginTimeLimits = PluginTimeLimits.DEFAULTS;
    Path trustedPluginKeys;
    boolean requireSignedPlugins;
    final List<URI> pluginRepositories = new ArrayList<>();
    PluginAutoUpdate pluginAutoUpdate = PluginAutoUpdate.OFF;
    Duration pluginUpdateCheckInterval = Duration.ofDays(1);
    Plugboard.EventDataCheck eventDataCheck = Plugboard.EventDataCheck.REJECT;
    DatabaseSettings database;
    AppDatabase appDatabase;
    String instanceId;
    boolean appSecurityHeaders = true;
    String appContentSecurityPolicy;
    TemplateBudget templateBudget = TemplateBudget.defaults();
    int webhookFailingAfter = OperationalSettings.DEFAULTS.failingStreak();
    int inboundBurstRefusals = OperationalSettings.DEFAULTS.burstRefusals();
    Duration inboundBurstWindow = OperationalSettings.DEFAULTS.burstWindow();
    final List<String> allowedHosts = new ArrayList<>();
    URI publicUrl;
    final EnumSet<AdminSection> disabledSections = EnumSet.noneOf(AdminSection.class);
    String logoUrl;
    String primaryColor;
    String stylesheetUrl;
    String footer;
    List<String> portalFrameAncestors = List.of();
    String secretsKey;
    AdminAuthenticator authenticator;
    boolean ownLogin = true;
    String loginUrl;
    String logoutUrl;
    BasePath basePath = BasePath.ROOT;
    boolean mounted;
    final ProxyDraft proxy = new ProxyDraft();

    private LoginConfig login() {
        if (!ownLogin && authenticator == null) {
            throw new IllegalStateException("ownLogin(false) needs an authenticator(...): otherwise nobody could sign in");
        }
        return new LoginConfig(authenticator == null ? null : new AppAuthenticator(authenticator), ownLogin, loginUrl,
                logoutUrl);
    }

    HostConfig toConfig() {
        if (mounted && basePath.isRoot()) {
            throw new IllegalStateException("mounted() needs a basePath(...), e.g. basePath(\"/plugboard\"): Plugboard's"
                    + " routes must not take the application's paths");
        }
        if (mounted && !webCustomizers.isEmpty()) {
            throw new IllegalStateException("web(...) configures Plugboard's own server, which a mounted() host does not"
                    + " have: configure the application's Javalin directly");
        }
        return new HostConfig(
                new SiteConfig(siteName, HostVersion.read(), instanceId),
                dataDir,
                database,
                appDatabase,
                new WebConfig(bindHost, port, maxRequestBytes, behindProxy, appSecurityHeaders, appContentSecurityPolicy,
                        new AllowedHosts(allowedHosts, publicUrl), webCustomizers, basePath, mounted),
                new AdminConfig(adminUser, adminPassword, sessionIdleTimeout, login(), passwordHashing),
                new TargetsConfig(allowPrivateTargets, allowedTargets),
                new PluginConfig(pluginsDir, developmentPlugins, watchPluginsDir, maxPluginBytes,
                        eventDataCheck == Plugboard.EventDataCheck.REJECT, pluginTimeLimits,
                        new PluginConfig.Sources(trustedPluginKeys, requireSignedPlugins, pluginRepositories,
                                UpdatePolicy.valueOf(pluginAutoUpdate.name()), pluginUpdateCheckInterval)),
                eventTypes,
                DeliveryConfigs.of(delivery),
                new OperationalSettings(webhookFailingAfter, inboundBurstRefusals, inboundBurstWindow),
                templateBudget,
                new SectionsConfig(on(AdminSection.UPLOAD), on(AdminSection.INSPECTOR), on(AdminSection.INBOUND),
                        on(AdminSection.TEST_CONSOLE), on(AdminSection.SECRETS)),
                new BrandingConfig(logoUrl, primaryColor, stylesheetUrl, footer),
                new PortalConfig(portalFrameAncestors),
                proxy.toProxy(),
                secretsKey);
    }

    private boolean on(AdminSection section) {
        return !disabledSections.contains(section);
    }
}
