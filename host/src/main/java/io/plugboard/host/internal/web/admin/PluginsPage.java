package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.plugins.PluginService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code /admin/plugins}: every plugin with its state and, for one that is not running, the reason. */
final class PluginsPage {

    private final PluginService plugins;
    private final Path pluginsDir;
    private final AdminView view;

    PluginsPage(PluginService plugins, Path pluginsDir, AdminView view) {
        this.plugins = plugins;
        this.pluginsDir = pluginsDir;
        this.view = view;
    }

    void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("plugins", plugins.reports());
        model.put("pluginsDir", pluginsDir.toAbsolutePath().toString());
        model.put("resolveFailure", plugins.resolveFailure());
        view.render(ctx, "plugins", "plugins", "Plugins", model);
    }
}
