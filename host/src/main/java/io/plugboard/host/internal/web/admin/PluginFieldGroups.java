package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.plugboard.host.internal.outbound.PluginFields;
import io.plugboard.sdk.settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields plugins add to the webhook form, one fieldset per plugin under "From plugins", rendered by the
 * partial {@code setting-fields} like a destination's settings. Fields are named and their errors keyed
 * {@code plugin_fields.<plugin>.<key>}.
 */
final class PluginFieldGroups {

    /** One plugin's fields. */
    record Group(String pluginId, String id, List<SettingField> settings) {}

    private PluginFieldGroups() {}

    /**
     * @param webhookId null on "Add webhook"
     * @return the groups: after a post what was typed (a secret only as whether one is stored), else the stored values
     */
    static List<Group> of(Context ctx, PluginFields fields, Map<String, List<Setting>> declared, String webhookId,
                          Map<String, String> errors) {
        boolean posted = ctx.method() == HandlerType.POST;
        List<Group> groups = new ArrayList<>();
        declared.forEach((plugin, settings) -> {
            Map<String, String> stored = webhookId == null ? Map.of() : fields.values(webhookId, plugin, settings);
            Map<String, String> shown = posted
                    ? DeclaredFields.retyped(settings, DeclaredFields.input(ctx, name(plugin), settings), stored) : stored;
            String stem = name(plugin);
            groups.add(new Group(plugin, "plugin-fields-" + plugin, DeclaredFields.fields(settings, stem,
                    stem.replace('.', '-'), shown, errors, stem)));
        });
        return groups;
    }

    /** @return plugin id → key → what the form sent, for every plugin that declared fields */
    static Map<String, Map<String, String>> input(Context ctx, Map<String, List<Setting>> declared) {
        Map<String, Map<String, String>> input = new LinkedHashMap<>();
        declared.forEach((plugin, settings) -> input.put(plugin, DeclaredFields.input(ctx, name(plugin), settings)));
        return input;
    }

    private static String name(String plugin) {
        return PluginFields.PREFIX + plugin + ".";
    }
}
