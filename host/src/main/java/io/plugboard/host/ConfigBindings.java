package io.plugboard.host;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one table of configuration keys: each row is a key (or the keys of a method with several
 * arguments), how its text is parsed, and the {@link PlugboardBuilder} method it calls. Environment
 * variables are the keys in capitals with {@code _} for {@code -} and {@code .}. {@link #NOT_BOUND} names
 * the builder's methods that have no key and why; TestConfigBinding checks by reflection that every
 * public builder method (and every {@link DeliverySettings.Builder} method) is in one or the other, so a
 * new option cannot be forgotten. docs/embedding.md has the same table for people.
 */
final class ConfigBindings {

    /** One row: the builder method it serves (for the completeness check), its keys, and what it does. */
    record Binding(String method, List<String> keys, BiConsumer<PlugboardBuilder, GivenConfig> apply) {}

    /** Builder methods without a key, with the reason. */
    static final Map<String, String> NOT_BOUND = Map.of(
            "web", "takes code (a Javalin configuration customizer)",
            "eventType", "takes code-built values (an EventType with its sample and schema)",
            "authenticator", "takes code (the application's AdminAuthenticator)",
            "dataSource", "takes the application's DataSource object (its pool)",
            "mounted", "goes with PlugboardJavalin.mount, in the application's code",
            "fromEnvironment", "is the binding itself",
            "fromProperties", "is the binding itself",
            "build", "builds the host");

    static final List<Binding> TABLE = List.of(
            one("pluginsDir", "plugins-dir", ConfigValues::path, PlugboardBuilder::pluginsDir),
            one("dataDir", "data-dir", ConfigValues::path, PlugboardBuilder::dataDir),
            one("port", "port", ConfigValues::integer, PlugboardBuilder::port),
            one("bindHost", "host", ConfigValues::text, PlugboardBuilder::bindHost),
            one("siteName", "site-name", ConfigValues::text, PlugboardBuilder::siteName),
            one("allowPrivateTargets", "allow-private-targets", ConfigValues::bool, PlugboardBuilder::allowPrivateTargets),
            each("allowTarget", "allow-targets", PlugboardBuilder::allowTarget),
            one("outboundProxy", "outbound-proxy", ConfigValues::text, PlugboardBuilder::outboundProxy),
            new Binding("outboundProxyCredentials", List.of("outbound-proxy-user", "outbound-proxy-password"),
                    ConfigBindings::proxyCredentials),
            each("noProxy", "no-proxy", PlugboardBuilder::noProxy),
            new Binding("adminUser", List.of("admin-user", "admin-password"), ConfigBindings::adminUser),
            one("sessionIdleTimeout", "session-idle-timeout", minutes(), PlugboardBuilder::sessionIdleTimeout),
            one("behindProxy", "behind-proxy", ConfigValues::bool, PlugboardBuilder::behindProxy),
            one("maxRequestBytes", "max-request-bytes", ConfigValues::bytes, PlugboardBuilder::maxRequestBytes),
            new Binding("database", List.of("database-url", "database-user", "database-password"), ConfigBindings::database),
            one("securityHeaders", "security-headers", ConfigValues::bool, PlugboardBuilder::securityHeaders),
            one("watchPluginsDir", "watch-plugins", ConfigValues::bool, PlugboardBuilder::watchPluginsDir),
            one("contentSecurityPolicy", "content-security-policy", ConfigValues::text, PlugboardBuilder::contentSecurityPolicy),
            one("developmentPlugin", "dev-plugins", ConfigValues::pathList,
                    (b, dirs) -> dirs.forEach(dir -> b.developmentPlugin(ConfigValues.path(dir)))),
            one("maxPluginBytes", "max-plugin-bytes", ConfigValues::bytes, PlugboardBuilder::maxPluginBytes),
            one("pluginTimeLimits", "plugin-time-limit", seconds(), (b, limit) -> b.pluginTimeLimits(limit, limit)),
            one("trustedPluginKeys", "trusted-plugin-keys", ConfigValues::path, PlugboardBuilder::trustedPluginKeys),
            one("requireSignedPlugins", "require-signed-plugins", ConfigValues::bool, PlugboardBuilder::requireSignedPlugins),
            each("pluginRepository", "plugin-repositories", PlugboardBuilder::pluginRepository),
            one("pluginAutoUpdate", "plugin-auto-update", ConfigBindings::autoUpdate, PlugboardBuilder::pluginAutoUpdate),
            one("pluginUpdateCheckInterval", "plugin-update-check-interval", seconds(),
                    PlugboardBuilder::pluginUpdateCheckInterval),
            one("eventDataCheck", "event-data-check", ConfigBindings::eventDataCheck, PlugboardBuilder::eventDataCheck),
            one("instanceId", "instance-id", ConfigValues::text, PlugboardBuilder::instanceId),
            new Binding("templateBudget", List.of("template-max-time", "template-max-bytes"), ConfigBindings::templateBudget),
            each("allowedHost", "allowed-hosts", PlugboardBuilder::allowedHost),
            one("webhookFailingAfter", "webhook-failing-after", ConfigValues::integer, PlugboardBuilder::webhookFailingAfter),
            new Binding("inboundRefusedBurst", List.of("inbound-burst-refusals", "inbound-burst-window"),
                    ConfigBindings::inboundRefusedBurst),
            one("publicUrl", "public-url", ConfigValues::text, PlugboardBuilder::publicUrl),
            one("disableSections", "disabled-sections", ConfigValues::list,
                    (b, keys) -> keys.forEach(key -> b.disableSections(AdminSection.ofKey(key)))),
            one("logoUrl", "logo-url", ConfigValues::text, PlugboardBuilder::logoUrl),
            one("primaryColor", "primary-color", ConfigValues::text, PlugboardBuilder::primaryColor),
            one("stylesheet", "stylesheet", ConfigValues::text, PlugboardBuilder::stylesheet),
            one("footer", "footer", ConfigValues::text, PlugboardBuilder::footer),
            one("portalFrameAncestors", "portal-frame-ancestors", ConfigValues::list,
                    (b, origins) -> b.portalFrameAncestors(origins.toArray(String[]::new))),
            one("secretsKey", "secrets-key", ConfigValues::text, PlugboardBuilder::secretsKey),
            one("ownLogin", "own-login", ConfigValues::bool, PlugboardBuilder::ownLogin),
            one("loginUrl", "login-url", ConfigValues::text, PlugboardBuilder::loginUrl),
            one("logoutUrl", "logout-url", ConfigValues::text, PlugboardBuilder::logoutUrl),
            one("basePath", "base-path", ConfigValues::text, PlugboardBuilder::basePath),
            delivery("retrySchedule", "retry-schedule", text -> ConfigValues.list(text).stream()
                    .map(d -> ConfigValues.duration(d, ChronoUnit.SECONDS)).toList(), DeliverySettings.Builder::retrySchedule),
            delivery("jitter", "jitter", ConfigValues::decimal, DeliverySettings.Builder::jitter),
            delivery("connectTimeout", "connect-timeout", seconds(), DeliverySettings.Builder::connectTimeout),
            delivery("requestTimeout", "request-timeout", seconds(), DeliverySettings.Builder::requestTimeout),
            delivery("maxResponseBodyBytes", "max-response-body-bytes", ConfigValues::intBytes,
                    DeliverySettings.Builder::maxResponseBodyBytes),
            delivery("maxInFlightPerWebhook", "max-in-flight-per-webhook", ConfigValues::integer,
                    DeliverySettings.Builder::maxInFlightPerWebhook),
            delivery("maxInFlightTotal", "max-in-flight-total", ConfigValues::integer, DeliverySettings.Builder::maxInFlightTotal),
            delivery("maxRetryAfter", "max-retry-after", seconds(), DeliverySettings.Builder::maxRetryAfter),
            new Binding("delivery.autoDisable", List.of("delivery.auto-disable-after", "delivery.auto-disable-min-failures"),
                    ConfigBindings::autoDisable),
            delivery("secretRotationOverlap", "secret-rotation-overlap", seconds(),
                    DeliverySettings.Builder::secretRotationOverlap),
            delivery("retention", "retention", days(), DeliverySettings.Builder::retention),
            delivery("drainTimeout", "drain-timeout", seconds(), DeliverySettings.Builder::drainTimeout),
            delivery("leaseDuration", "lease-duration", seconds(), DeliverySettings.Builder::leaseDuration),
            delivery("rateLimit", "rate-limit", ConfigValues::decimal, DeliverySettings.Builder::rateLimit));

    private ConfigBindings() {}

    static GivenConfig fromEnvironment(String prefix, Map<String, String> environment) {
        return GivenConfig.fromEnvironment(prefix, environment, keys());
    }

    static GivenConfig fromProperties(Properties properties, String prefix) {
        return GivenConfig.fromProperties(properties, prefix, keys());
    }

    /** Applies every row with a key given, in the table's order; a refusal names the keys it came from. */
    static void apply(PlugboardBuilder builder, GivenConfig given) {
        for (Binding binding : TABLE) {
            List<String> present = binding.keys().stream().filter(given::has).toList();
            if (present.isEmpty()) {
                continue;
            }
            try {
                binding.apply().accept(builder, given);
            } catch (GivenConfig.Refused e) {
                throw e;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new GivenConfig.Refused(String.join(", ", present.stream().map(given::name).toList()) + ": "
                        + e.getMessage(), e);
            }
        }
        given.finishDelivery(builder);
    }

    static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        TABLE.forEach(binding -> keys.addAll(binding.keys()));
        return keys;
    }

    private static <T> Binding one(String method, String key, Function<String, T> parser, BiConsumer<PlugboardBuilder, T> setter) {
        return new Binding(method, List.of(key), (b, given) -> setter.accept(b, given.get(key, parser)));
    }

    private static Binding each(String method, String key, BiConsumer<PlugboardBuilder, String> setter) {
        return one(method, key, ConfigValues::list, (b, items) -> items.forEach(item -> setter.accept(b, item)));
    }

    private static <T> Binding delivery(String method, String key, Function<String, T> parser,
                                        BiConsumer<DeliverySettings.Builder, T> setter) {
        String fullKey = "delivery." + key;
        return new Binding("delivery." + method, List.of(fullKey),
                (b, given) -> setter.accept(given.delivery(b), given.get(fullKey, parser)));
    }

    private static Function<String, Duration> seconds() {
        return text -> ConfigValues.duration(text, ChronoUnit.SECONDS);
    }

    private static Function<String, Duration> minutes() {
        return text -> ConfigValues.duration(text, ChronoUnit.MINUTES);
    }

    private static Function<String, Duration> days() {
        return text -> ConfigValues.duration(text, ChronoUnit.DAYS);
    }

    private static Plugboard.EventDataCheck eventDataCheck(String text) {
        for (Plugboard.EventDataCheck check : Plugboard.EventDataCheck.values()) {
            if (check.name().equalsIgnoreCase(text.strip())) {
                return check;
            }
        }
        throw new IllegalArgumentException("must be reject or warn, not '" + text + "'");
    }

    private static PluginAutoUpdate autoUpdate(String text) {
        for (PluginAutoUpdate policy : PluginAutoUpdate.values()) {
            if (policy.name().equalsIgnoreCase(text.strip())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("must be off, patch or minor, not '" + text + "'");
    }

    private static void adminUser(PlugboardBuilder b, GivenConfig given) {
        if (!given.has("admin-user") || !given.has("admin-password")) {
            throw new IllegalArgumentException("give both the admin user and the admin password, or neither");
        }
        b.adminUser(given.get("admin-user", ConfigValues::text), given.get("admin-password", ConfigValues::text));
    }

    private static void proxyCredentials(PlugboardBuilder b, GivenConfig given) {
        if (!given.has("outbound-proxy-user") || !given.has("outbound-proxy-password")) {
            throw new IllegalArgumentException("give both the outbound proxy's user and password, or neither");
        }
        b.outboundProxyCredentials(given.get("outbound-proxy-user", ConfigValues::text),
                given.get("outbound-proxy-password", ConfigValues::text));
    }

    private static void database(PlugboardBuilder b, GivenConfig given) {
        if (!given.has("database-url")) {
            throw new IllegalArgumentException("the database user and password need the database URL");
        }
        b.database(given.get("database-url", ConfigValues::text),
                given.has("database-user") ? given.get("database-user", ConfigValues::text) : null,
                given.has("database-password") ? given.get("database-password", ConfigValues::text) : null);
    }

    private static void templateBudget(PlugboardBuilder b, GivenConfig given) {
        var current = b.draft().templateBudget;
        b.templateBudget(given.has("template-max-time")
                        ? given.get("template-max-time", text -> ConfigValues.duration(text, ChronoUnit.MILLIS))
                        : current.maxRenderTime(),
                given.has("template-max-bytes") ? given.get("template-max-bytes", ConfigValues::bytes) : current.maxOutputBytes());
    }

    private static void inboundRefusedBurst(PlugboardBuilder b, GivenConfig given) {
        b.inboundRefusedBurst(given.has("inbound-burst-refusals")
                        ? given.get("inbound-burst-refusals", ConfigValues::integer) : b.draft().inboundBurstRefusals,
                given.has("inbound-burst-window") ? given.get("inbound-burst-window", seconds()) : b.draft().inboundBurstWindow);
    }

    private static void autoDisable(PlugboardBuilder b, GivenConfig given) {
        DeliverySettings.Builder delivery = given.delivery(b);
        DeliverySettings current = b.draft().delivery;
        delivery.autoDisable(given.has("delivery.auto-disable-after")
                        ? given.get("delivery.auto-disable-after", days()) : current.autoDisableAfter(),
                given.has("delivery.auto-disable-min-failures")
                        ? given.get("delivery.auto-disable-min-failures", ConfigValues::integer) : current.autoDisableMinFailures());
    }
}
