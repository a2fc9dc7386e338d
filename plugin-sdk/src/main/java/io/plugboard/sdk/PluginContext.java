package io.plugboard.sdk;

import io.plugboard.sdk.hooks.Hooks;
import io.plugboard.sdk.settings.PluginSettings;
import io.plugboard.sdk.settings.SettingReader;
import io.plugboard.sdk.web.AdminPages;
import io.plugboard.sdk.web.JsonRoutes;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * What the host gives a plugin: its identity, a way to emit events, a logger, hooks, settings, admin
 * pages, JSON routes and scheduled tasks.
 *
 * <p>A plugin receives it through the constructor of {@link PlugboardPlugin}. It stays valid while
 * the plugin is loaded. Register hooks, pages, routes and tasks in {@code start()}: the host removes
 * all of them when the plugin stops, and refuses registrations while the plugin is not running.
 */
public interface PluginContext {

    /** @return the plugin's id, from its {@code Plugin-Id} manifest entry */
    String pluginId();

    /** @return the plugin's version, from its {@code Plugin-Version} manifest entry */
    String pluginVersion();

    /** @return the host's version, e.g. {@code 0.1.0} */
    String hostVersion();

    /** @return the emitter through which the plugin emits events */
    EventEmitter events();

    /** @return a logger named after the plugin ({@code plugboard.plugin.<id>}) */
    Logger logger();

    /** @return the actions and filters, shared with the host and the other plugins */
    Hooks hooks();

    /** @return the plugin's settings */
    PluginSettings settings();

    /**
     * The values of the fields this plugin adds to the webhook form ({@link io.plugboard.sdk.hooks.WebhookForm#withField}),
     * as stored for one webhook, read with the rule of {@link PluginSettings}. Reading runs the webhook form's
     * filters once to know the declarations and reads the values from a cache: call it once per delivery (e.g.
     * in an {@code OUTGOING_PAYLOAD} or {@code DELIVERY_SENDING} filter, with the payload's webhook id), not in a loop.
     *
     * @param webhookId the webhook's id
     * @return a read-only view; an unknown webhook has no values
     */
    default SettingReader webhookValues(String webhookId) {
        throw new UnsupportedOperationException("this host does not store webhook form fields");
    }

    /** @return where the plugin adds admin pages */
    AdminPages adminPages();

    /** @return where the plugin adds JSON routes under {@code /api/v1/plugins/<id>} */
    JsonRoutes routes();

    /** @return the plugin's recurring background tasks */
    Scheduler scheduler();

    /**
     * The host's database, for the plugin's own tables: those its migrations
     * ({@code plugboard/migrations/V1__….sql} in its jar) created, all named {@code p_<plugin id>_…}.
     * Leave the host's tables alone; they change without notice. Close what you open.
     *
     * @return a pooled data source
     */
    DataSource database();

    /**
     * Runs {@code work} in one transaction on the host's database: the plugin's own SQL
     * ({@link Transaction#connection()}, {@link Transaction#execute}) and the events it emits through
     * {@link Transaction#emit} are committed together when the work returns, or rolled back together
     * when it throws. Only after the commit are the events' deliveries sent and
     * {@code plugboard.event_emitted} fired. Keep the work short and free of network calls: on SQLite
     * every other write of the host waits for it.
     *
     * @param work the plugin's writes and emits
     * @throws TransactionException wrapping a checked exception the work threw, or a failed commit;
     *     unchecked exceptions (such as {@link InvalidEventException}) and errors are rethrown as they are
     * @throws IllegalStateException if called inside another transaction of the plugin's
     */
    default void transaction(TransactionWork work) {
        inTransaction(tx -> {
            work.run(tx);
            return null;
        });
    }

    /**
     * Like {@link #transaction(TransactionWork)}, returning what the work returns once committed.
     *
     * @param work the plugin's writes and emits
     * @return what {@code work} returned
     * @throws TransactionException wrapping a checked exception the work threw, or a failed commit
     * @throws IllegalStateException if called inside another transaction of the plugin's
     * @throws UnsupportedOperationException from a context that is not the host's (e.g. a test's own)
     */
    default <R> R inTransaction(TransactionFunction<R> work) {
        throw new UnsupportedOperationException("this PluginContext has no database transactions");
    }
}
