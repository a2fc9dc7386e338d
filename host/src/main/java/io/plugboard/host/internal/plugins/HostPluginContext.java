package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.events.SourceTransactions;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.PluginContext;
import io.plugboard.sdk.Scheduler;
import io.plugboard.sdk.TransactionFunction;
import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.SettingReader;
import io.plugboard.sdk.web.AdminPages;
import io.plugboard.sdk.web.JsonRoutes;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link PluginContext} the host hands one plugin. */
record HostPluginContext(String pluginId, String pluginVersion, String hostVersion, EventEmitter events,
                         SourceTransactions transactions, ContextParts parts) implements PluginContext {

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugboard.plugin." + pluginId);
    }

    @Override
    public Hooks hooks() {
        return parts.hooks();
    }

    @Override
    public PluginSettings settings() {
        return parts.settings();
    }

    @Override
    public SettingReader webhookValues(String webhookId) {
        if (parts.webhookValues() == null) {
            return PluginContext.super.webhookValues(webhookId);
        }
        return parts.webhookValues().apply(java.util.Objects.requireNonNull(webhookId, "webhookId"));
    }

    @Override
    public AdminPages adminPages() {
        return parts.adminPages();
    }

    @Override
    public JsonRoutes routes() {
        return parts.routes();
    }

    @Override
    public Scheduler scheduler() {
        return parts.scheduler();
    }

    @Override
    public DataSource database() {
        return parts.database();
    }

    @Override
    public <R> R inTransaction(TransactionFunction<R> work) {
        return transactions.run(work);
    }
}
