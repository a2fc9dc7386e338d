package io.plugboard.host.internal.contrib;

import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.hooks.OwnedHooks;
import io.plugboard.host.internal.outbound.PluginFields;
import io.plugboard.host.internal.plugins.ContextParts;
import io.plugboard.host.internal.plugins.PluginListener;
import io.plugboard.host.internal.settings.HostPluginSettings;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.PluginFailure;
import io.plugboard.sdk.hooks.PluginUpdate;
import io.plugboard.sdk.hooks.PluginInfo;
import io.plugboard.sdk.web.AdminPage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Everything plugins register through their context (hooks, settings, admin pages and templates, JSON
 * routes, scheduled tasks), by plugin: the parts of each context, and the listener that opens a plugin's
 * share when it starts and removes all of it when it stops. Registrations are refused while a plugin is
 * not running, so nothing of a stopped plugin can come back through a context it kept.
 */
public final class PluginContributions implements PluginListener {

    private final HookRunner hooks;
    private final SettingsService settings;
    private final Contributions web;
    private final TaskScheduler tasks;
    private final DataSource database;
    private final PluginFields fields;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> activated = ConcurrentHashMap.newKeySet();
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    public PluginContributions(Contributions web, TaskScheduler tasks, DataSource database) {
        this(web, tasks, database, null);
    }

    /** @param fields the plugins' webhook form fields (read through each context, removed on uninstall); null for none */
    public PluginContributions(Contributions web, TaskScheduler tasks, DataSource database, PluginFields fields) {
        this.fields = fields;
        this.database = database;
        this.hooks = web.hooks();
        this.settings = web.settings();
        this.web = web;
        this.tasks = tasks;
    }

    /** @return the parts of the plugin's context, bound to it */
    public ContextParts partsFor(String pluginId, String version) {
        versions.put(pluginId, version);
        BooleanSupplier live = () -> running.contains(pluginId);
        OwnedHooks own = new OwnedHooks(hooks, pluginId, live);
        return new ContextParts(own, new HostPluginSettings(settings, pluginId, live),
                page -> checked(live, pluginId, () -> addPage(pluginId, own, page)),
                (spec, handler) -> checked(live, pluginId, () -> web.routes().add(pluginId, spec, handler)),
                new PluginScheduler(pluginId, tasks, live),
                database, fields == null ? null : webhookId -> fields.reader(pluginId, webhookId));
    }

    /** The name first, then the template: each refusal says what is wrong with the page itself. */
    private Registration addPage(String pluginId, OwnedHooks own, AdminPage page) {
        PluginPages.requireFreeName(page);
        web.templates().requireExists(pluginId, page.name(), page.template());
        return web.pages().add(pluginId, own, page);
    }

    private static Registration checked(BooleanSupplier live, String pluginId, Supplier<Registration> add) {
        if (!live.getAsBoolean()) {
            throw new IllegalStateException("plugin '" + pluginId + "' is not running: register in start()");
        }
        return add.get();
    }

    @Override
    public void starting(String pluginId, ClassLoader pluginClassLoader) {
        web.templates().open(pluginId, pluginClassLoader);
        running.add(pluginId);
    }

    @Override
    public void started(String pluginId) {
        activated.add(pluginId);
        fire(CoreHooks.PLUGIN_ACTIVATED, pluginId);
    }

    @Override
    public void stopped(String pluginId) {
        running.remove(pluginId);
        hooks.registry().removeAll(pluginId);
        web.pages().removeAll(pluginId);
        web.routes().removeAll(pluginId);
        web.templates().close(pluginId);
        tasks.cancelAll(pluginId);
        settings.forget(pluginId);
        if (activated.remove(pluginId)) {
            fire(CoreHooks.PLUGIN_DEACTIVATED, pluginId);
        }
    }

    @Override
    public void failed(String pluginId, String version, String reason) {
        if (hooks.has(CoreHooks.PLUGIN_FAILED)) {
            hooks.doAction(CoreHooks.PLUGIN_FAILED, new PluginFailure(pluginId, version, reason));
        }
    }

    @Override
    public void updated(String pluginId, String oldVersion, String newVersion) {
        if (hooks.has(CoreHooks.PLUGIN_UPDATED)) {
            hooks.doAction(CoreHooks.PLUGIN_UPDATED, new PluginUpdate(pluginId, oldVersion, newVersion));
        }
    }

    @Override
    public void uninstalled(String pluginId) {
        stopped(pluginId);
        settings.deleteAll(pluginId);
        if (fields != null) {
            fields.deletePlugin(pluginId);
        }
    }

    private void fire(ActionHook<PluginInfo> hook, String pluginId) {
        if (hooks.has(hook)) {
            hooks.doAction(hook, new PluginInfo(pluginId, versions.getOrDefault(pluginId, "")));
        }
    }
}
