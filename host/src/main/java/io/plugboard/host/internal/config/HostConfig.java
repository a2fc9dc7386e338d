package io.plugboard.host.internal.config;

import io.plugboard.host.internal.delivery.DeliveryConfig;
import io.plugboard.host.internal.delivery.OutboundProxy;
import io.plugboard.host.internal.events.OperationalSettings;
import io.plugboard.host.internal.payloads.TemplateBudget;
import io.plugboard.host.internal.storage.AppDatabase;
import io.plugboard.host.internal.storage.DatabaseSettings;
import io.plugboard.sdk.EventType;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the host is configured with, fixed at build time, grouped by the part that reads it.
 *
 * @param site the site's name, the host's version and this instance's id
 * @param dataDir the folder for the SQLite database, the secrets key and the plugins' private copies
 * @param database the shared PostgreSQL database, or null for the SQLite file in {@code dataDir}
 * @param appDatabase the application's own database through its DataSource, or null (at most one of
 *     this and {@code database} is set)
 * @param web how the web server listens and what it adds to answers
 * @param admin the first admin and how long sessions last
 * @param targets what the outbound guard lets webhooks target besides public addresses
 * @param plugins how plugins are found, loaded and limited
 * @param appEventTypes the embedding application's own event types
 * @param delivery the delivery engine's schedule, timeouts and limits
 * @param operational when the host's operational events fire (a failing streak, a burst of inbound refusals)
 * @param templates how long one payload template render may take and how much it may write
 * @param sections which optional parts of the admin and the API are on
 * @param branding the admin's logo, colour, extra stylesheet and footer
 * @param outboundProxy the proxy HTTP webhooks go through, or null (its password left out of {@code toString})
 * @param secretsKey the key that encrypts secret values (base64 of 32 bytes), or null for {@code secrets.key}
 *     in {@code dataDir}; never logged
 */
public record HostConfig(
        SiteConfig site,
        Path dataDir,
        DatabaseSettings database,
        AppDatabase appDatabase,
        WebConfig web,
        AdminConfig admin,
        TargetsConfig targets,
        PluginConfig plugins,
        List<EventType> appEventTypes,
        DeliveryConfig delivery,
        OperationalSettings operational,
        TemplateBudget templates,
        SectionsConfig sections,
        BrandingConfig branding,
        PortalConfig portal,
        OutboundProxy outboundProxy,
        String secretsKey) {

    public HostConfig {
        appEventTypes = List.copyOf(appEventTypes);
    }

    /** Leaves the secrets key out, so logging the configuration cannot leak it. */
    @Override
    public String toString() {
        return "HostConfig[site=" + site + ", dataDir=" + dataDir + ", database=" + database + ", web=" + web
                + ", admin=" + admin + ", targets=" + targets + ", plugins=" + plugins + ", delivery=" + delivery
                + ", operational=" + operational
                + ", templates=" + templates + ", sections=" + sections + ", branding=" + branding
                + ", outboundProxy=" + outboundProxy
                + ", secretsKey=" + (secretsKey == null ? "file" : "given") + "]";
    }
}
