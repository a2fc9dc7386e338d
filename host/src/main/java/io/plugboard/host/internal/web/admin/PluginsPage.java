package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.ByteSizes;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.repository.AvailablePlugin;
import io.plugboard.host.internal.repository.RepositoryListing;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.repository.UpdatePolicy;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.host.internal.web.http.JarUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /admin/plugins}: every plugin with its state and, when it is not running, why, and the jars
 * of the plugins folder that are not used (superseded, refused) with why; activate, deactivate,
 * downgrade (a lower version written over a plugin's jar), uninstall (after the admin types the
 * plugin's id) and upload; *Update to …* (with the release notes) where a repository offers a newer
 * compatible release, each plugin's auto-update policy and its recent history. A refused action shows
 * the page again with the reason.
 */
final class PluginsPage {

    private final PluginService plugins;
    private final RepositoryService repository;
    private final Path pluginsDir;
    private final AdminView view;
    private final SettingsService settings;
    private final InstancesSection instances;

    PluginsPage(PluginService plugins, RepositoryService repository, Path pluginsDir, AdminView view,
                SettingsService settings, InstancesSection instances) {
        this.plugins = plugins;
        this.repository = repository;
        this.settings = settings;
        this.instances = instances;
        this.pluginsDir = pluginsDir;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, null);
    }

    void activate(Context ctx) {
        act(ctx, id -> plugins.activate(id), "activated");
    }

    void deactivate(Context ctx) {
        act(ctx, id -> plugins.deactivate(id), "deactivated");
    }

    void downgrade(Context ctx) {
        act(ctx, id -> plugins.downgrade(id), "downgraded");
    }

    void update(Context ctx) {
        String version = ctx.formParam("version");
        act(ctx, id -> repository.update(id, version == null || version.isBlank() ? null : version.strip(),
                PluginRepositoryPage.actor(ctx)), "updated");
    }

    void autoUpdate(Context ctx) {
        String text = ctx.formParam("policy");
        UpdatePolicy policy = UpdatePolicy.parse(text);
        if (policy == null && !"default".equals(text)) {
            ctx.status(400);
            render(ctx, "Choose off, patch, minor or the host's default for the auto-update.");
            return;
        }
        act(ctx, id -> {
            repository.setPolicy(id, policy);
            return null;
        }, "set to auto-update " + (policy == null ? "as the host's default" : policy.key()));
    }

    void confirmUninstall(Context ctx) {
        renderConfirm(ctx, plugins.report(ctx.pathParam("id")), null);
    }

    void uninstall(Context ctx) {
        PluginReport plugin = plugins.report(ctx.pathParam("id"));
        String typed = ctx.formParam("confirm_id");
        if (typed == null || !typed.strip().equals(plugin.id())) {
            ctx.status(400);
            renderConfirm(ctx, plugin, "The id you typed does not match. Type \u201c" + plugin.id()
                    + "\u201d exactly to uninstall this plugin.");
            return;
        }
        try {
            plugins.uninstall(plugin.id());
        } catch (ConflictException e) {
            ctx.status(409);
            renderConfirm(ctx, plugin, e.getMessage());
            return;
        }
        view.flash(ctx, "Plugin \u201c" + plugin.id() + "\u201d uninstalled.");
        ctx.redirect("/admin/plugins");
    }

    void upload(Context ctx) {
        PluginReport report;
        try (InputStream jar = JarUpload.open(ctx, plugins.maxUploadBytes())) {
            report = plugins.upload(jar, JarUpload.fileName(ctx), JarUpload.upgradeFlag(ctx.formParam("upgrade")),
                    JarUpload.flag("allow_downgrade", ctx.formParam("allow_downgrade")), JarUpload.signature(ctx));
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, String.join("; ", e.fieldErrors().values()));
            return;
        } catch (ConflictException e) {
            ctx.status(409);
            render(ctx, e.getMessage());
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        view.flash(ctx, "Plugin \u201c" + report.id() + "\u201d " + report.version() + " installed; it is "
                + report.state() + (report.reason() == null ? "." : ": " + report.reason()));
        ctx.redirect("/admin/plugins");
    }

    private void act(Context ctx, Function<String, PluginReport> action, String done) {
        String id = ctx.pathParam("id");
        try {
            action.apply(id);
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, String.join("; ", e.fieldErrors().values()));
            return;
        } catch (ConflictException e) {
            ctx.status(e.status());
            render(ctx, e.getMessage());
            return;
        }
        view.flash(ctx, "Plugin \u201c" + id + "\u201d " + done + ".");
        ctx.redirect("/admin/plugins");
    }

    private void render(Context ctx, String error) {
        Map<String, Object> model = new HashMap<>();
        List<PluginRow> rows = new ArrayList<>();
        RepositoryListing listing = repository.listing();
        Map<String, UpdatePolicy> own = repository.policies();
        for (PluginReport p : plugins.reports()) {
            boolean installed = p.installed() && !p.development();
            rows.add(new PluginRow(p, settings.hasSettings(p.id()) && p.installed()
                    ? "/admin/plugins/" + p.id() + "/settings" : null,
                    "refused".equals(p.state()) && p.file().equals(plugins.downgradeWaiting(p.id())),
                    installed ? update(listing.find(p.id())) : null,
                    installed ? repository.history(p.id()) : List.of(),
                    own.getOrDefault(p.id(), repository.defaultPolicy()).key(), own.containsKey(p.id())));
        }
        model.put("plugins", rows);
        model.put("repositories", repository.configured());
        model.put("repositoryErrors", listing.errors());
        model.put("defaultPolicy", repository.defaultPolicy().key());
        model.put("pluginsDir", pluginsDir.toAbsolutePath().toString());
        model.put("maxUploadSize", ByteSizes.text(plugins.maxUploadBytes()));
        model.put("error", error);
        model.putAll(instances.model());
        view.render(ctx, "plugins", "plugins", "Plugins", model);
    }

    private static PluginRow.Update update(AvailablePlugin offered) {
        if (offered == null || !offered.updateAvailable()) {
            return null;
        }
        String notes = offered.latest().notes();
        return new PluginRow.Update(offered.latest().version(),
                notes == null || notes.isBlank() ? null : MarkdownHtml.render(notes));
    }

    private void renderConfirm(Context ctx, PluginReport plugin, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("plugin", plugin);
        model.put("error", error);
        model.put("breadcrumbs", Crumb.trail("Plugins", "/admin/plugins", "Uninstall " + plugin.id()));
        view.render(ctx, "plugin-uninstall", "plugins", "Uninstall plugin", model);
    }
}
