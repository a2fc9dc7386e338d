package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.settings.SettingSection;
import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.host.internal.settings.SettingsService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /admin/plugins/{plugin_id}/settings}: the form for a running plugin's declared settings. Bad
 * input re-renders the form with 400 and a message per field, and nothing is stored; secrets are never
 * put back into the page (blank keeps the stored one). Settings are grouped under their sections' headings.
 */
final class PluginSettingsPage {

    private final SettingsService settings;
    private final AdminView view;

    PluginSettingsPage(SettingsService settings, AdminView view) {
        this.settings = settings;
        this.view = view;
    }

    void show(Context ctx) {
        String pluginId = ctx.pathParam("plugin_id");
        render(ctx, pluginId, settings.view(pluginId), Map.of());
    }

    void save(Context ctx) {
        String pluginId = ctx.pathParam("plugin_id");
        List<SettingView> current = settings.view(pluginId);
        Map<String, String> input = new LinkedHashMap<>();
        ctx.formParamMap().forEach((key, values) -> {
            if (!key.equals("_csrf") && !values.isEmpty()) {
                input.put(key, values.get(0));
            }
        });
        try {
            Set<String> changed = settings.update(pluginId, input, true);
            view.flash(ctx, changed.isEmpty() ? "Nothing changed." : "Settings saved.");
            ctx.redirect("/admin/plugins/" + pluginId + "/settings", io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            List<SettingView> entered = new ArrayList<>();
            for (SettingView s : current) {
                String value = s.secret() || !input.containsKey(s.key()) ? s.value() : input.get(s.key());
                entered.add(new SettingView(s.key(), s.label(), s.type(), s.help(), s.required(), s.secret(),
                        s.defaultValue(), s.choices(), s.secret() ? s.value() : value, s.isSet()));
            }
            ctx.status(400);
            render(ctx, pluginId, entered, e.fieldErrors());
        }
    }

    private void render(Context ctx, String pluginId, List<SettingView> views, Map<String, String> errors) {
        Map<String, SettingField> byKey = new HashMap<>();
        for (SettingView s : views) {
            byKey.put(s.key(), SettingField.of(s, null, s.key(), "s-" + s.key(), s.secret() ? "" : s.value(),
                    s.isSet() ? SettingField.KEEP_WHEN_BLANK : "not set", errors.get(s.key())));
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        for (SettingSection section : settings.sections(pluginId)) {
            Map<String, Object> group = new HashMap<>();
            group.put("heading", section.heading());
            group.put("help", section.help());
            group.put("settings", section.keys().stream().map(byKey::get).toList());
            sections.add(group);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("pluginId", pluginId);
        model.put("sections", sections);
        model.put("errors", !errors.isEmpty());
        model.put("breadcrumbs", Crumb.trail("Plugins", "/admin/plugins", "Settings: " + pluginId));
        view.render(ctx, "plugin-settings", "plugins", "Settings: " + pluginId, model);
    }
}
