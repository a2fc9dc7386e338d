package io.plugboard.spring;

import io.plugboard.host.PlugboardBuilder;
import javax.sql.DataSource;

/** Applies {@link PlugboardProperties} to a builder: what is set is passed on, what is not keeps the default. */
final class PropertiesToBuilder {

    private PropertiesToBuilder() {}

    /**
     * @param dataSource the application's data source, or null to keep the host's own SQLite file
     */
    static PlugboardBuilder apply(PlugboardProperties p, DataSource dataSource, PlugboardBuilder b) {
        b.port(p.getPort()).bindHost(p.getHost()).dataDir(p.getDataDir()).pluginsDir(p.getPluginsDir())
                .behindProxy(p.isBehindProxy()).allowPrivateTargets(p.isAllowPrivateTargets());
        if (!p.getBasePath().isEmpty()) {
            b.basePath(p.getBasePath());
        }
        if (dataSource != null) {
            b.dataSource(dataSource, blankToNull(p.getSchema()));
        } else if (blankToNull(p.getSchema()) != null) {
            throw new IllegalStateException("plugboard.schema is set but there is no DataSource bean to put it in"
                    + " (or plugboard.use-app-data-source is false); remove plugboard.schema or give the application a DataSource");
        }
        if (p.getSiteName() != null) {
            b.siteName(p.getSiteName());
        }
        if (p.getAdminUser() != null || p.getAdminPassword() != null) {
            if (p.getAdminUser() == null || p.getAdminPassword() == null) {
                throw new IllegalStateException("give both plugboard.admin-user and plugboard.admin-password, or neither");
            }
            b.adminUser(p.getAdminUser(), p.getAdminPassword());
        }
        if (p.getInstanceId() != null) {
            b.instanceId(p.getInstanceId());
        }
        if (p.getPublicUrl() != null) {
            b.publicUrl(p.getPublicUrl());
        }
        p.getAllowTargets().forEach(b::allowTarget);
        if (p.getWatchPlugins() != null) {
            b.watchPluginsDir(p.getWatchPlugins());
        }
        return b;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
