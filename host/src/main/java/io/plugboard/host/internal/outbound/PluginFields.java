package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.settings.DeclaredSettings;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.FormField;
import io.plugboard.sdk.hooks.WebhookForm;
import io.plugboard.sdk.settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The fields plugins add to the webhook form ({@link CoreHooks#WEBHOOK_FORM}) and their values, stored per
 * webhook and plugin: the declarations come from running the filter (each field stamped with the callback's
 * owner), the values are checked with the rules of plugin settings ({@link DeclaredSettings}) and written in
 * the webhook's own transaction. A plugin that is not active declares nothing: its values are neither shown
 * nor checked, and stay stored until it is uninstalled. Without a filter on the hook nothing is built.
 */
public final class PluginFields {

    /** Field errors and names are keyed {@code plugin_fields.<plugin>.<key>}. */
    public static final String PREFIX = "plugin_fields.";
    private static final int MAX_CACHED = 2_000;

    private final HookRunner hooks;
    private final PluginFieldStore store;
    private final SealedValues sealed;
    private final Map<String, Map<String, Map<String, String>>> cache = new ConcurrentHashMap<>();

    public PluginFields(HookRunner hooks, Jdbi jdbi, SealedValues sealed) {
        this.hooks = hooks;
        this.store = new PluginFieldStore(jdbi);
        this.sealed = sealed;
    }

    /** @return the form's notes and fields, each field with the plugin that added it; null without a filter */
    public WebhookForm form(String webhookId) {
        if (!hooks.has(CoreHooks.WEBHOOK_FORM)) {
            return null;
        }
        return hooks.applyFilters(CoreHooks.WEBHOOK_FORM, new WebhookForm(webhookId, List.of()), (owner, form) -> {
            if (form.fields().stream().allMatch(f -> f.pluginId() != null)) {
                return form;
            }
            List<FormField> stamped = form.fields().stream()
                    .map(f -> f.pluginId() == null ? new FormField(owner, f.setting()) : f).toList();
            return new WebhookForm(form.webhookId(), form.notes(), stamped);
        });
    }

    /** @return plugin id → its fields, in the order they were added; a key added twice counts once */
    public Map<String, List<Setting>> declared(String webhookId) {
        return declaredIn(form(webhookId));
    }

    /** @param form as {@link #form} made it, or null @return plugin id → its fields, as {@link #declared} */
    public static Map<String, List<Setting>> declaredIn(WebhookForm form) {
        Map<String, List<Setting>> out = new LinkedHashMap<>();
        if (form != null) {
            for (FormField f : form.fields()) {
                List<Setting> own = out.computeIfAbsent(f.pluginId(), k -> new ArrayList<>());
                if (own.stream().noneMatch(s -> s.key().equals(f.setting().key()))) {
                    own.add(f.setting());
                }
            }
        }
        return out;
    }

    /** @return the plugin's stored values for the webhook, secret ones opened (one that does not open is unset) */
    public Map<String, String> values(String webhookId, String pluginId, List<Setting> declared) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Map<String, String> raw = cache.computeIfAbsent(webhookId, store::load).getOrDefault(pluginId, Map.of());
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : declared) {
            String stored = raw.get(s.key());
            if (stored != null) {
                Optional<String> value = s.secret() ? sealed.open(place(webhookId, pluginId, s.key()), stored)
                        : Optional.of(stored);
                value.ifPresent(v -> out.put(s.key(), v));
            }
        }
        return out;
    }

    /** @return plugin id → key → value, secrets masked, for the active plugins' fields */
    public Map<String, Map<String, String>> shown(String webhookId) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        declared(webhookId).forEach((plugin, declared) ->
                out.put(plugin, settings(plugin, declared).masked(values(webhookId, plugin, declared))));
        return out;
    }

    /**
     * Checks what a form or the API sent.
     *
     * @param webhookId null for a new webhook
     * @param input plugin id → key → value
     * @param every true to check each active plugin's fields even when none were sent (a new webhook, the form)
     * @return what to write with the webhook, and the errors (keyed {@code plugin_fields.<plugin>[.<key>]})
     */
    public Checked check(String webhookId, Map<String, Map<String, String>> input, boolean every, boolean wholeForm) {
        Map<String, List<Setting>> declared = declared(webhookId);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        input.keySet().stream().filter(p -> !declared.containsKey(p)).forEach(p ->
                errors.put(PREFIX + p, "'" + p + "' is not an active plugin with webhook form fields"));
        declared.forEach((plugin, settings) -> {
            if (!every && !input.containsKey(plugin)) {
                return;
            }
            Map<String, String> current = webhookId == null ? Map.of() : values(webhookId, plugin, settings);
            try {
                values.put(plugin, settings(plugin, settings).apply(current,
                        input.getOrDefault(plugin, Map.of()), wholeForm));
            } catch (ValidationException e) {
                errors.putAll(e.fieldErrors());
            }
        });
        return new Checked(values, errors, declared);
    }

    /** What {@link #check} found: the values to write (plain) and the errors. */
    public final class Checked {
        private final Map<String, Map<String, String>> values;
        private final Map<String, String> errors;
        private final Map<String, List<Setting>> declared;

        private Checked(Map<String, Map<String, String>> values, Map<String, String> errors,
                        Map<String, List<Setting>> declared) {
            this.values = values;
            this.errors = Map.copyOf(errors);
            this.declared = declared;
        }

        public Map<String, String> errors() {
            return errors;
        }

        /** Writes the values in the webhook's transaction, secret ones sealed. */
        void write(Handle h, String webhookId) {
            values.forEach((plugin, plain) -> {
                Map<String, String> stored = new LinkedHashMap<>(plain);
                for (Setting s : declared.get(plugin)) {
                    if (s.secret() && stored.containsKey(s.key())) {
                        stored.put(s.key(), sealed.seal(place(webhookId, plugin, s.key()), stored.get(s.key())));
                    }
                }
                PluginFieldStore.replace(h, webhookId, plugin, stored);
            });
        }
    }

    /** The webhook's values changed or it was deleted (its rows cascade). */
    void forget(String webhookId) {
        cache.remove(webhookId);
    }

    /** The plugin was uninstalled: its values go, for every webhook. */
    public void deletePlugin(String pluginId) {
        store.deletePlugin(pluginId);
        cache.clear();
    }

    /** @return what the plugin reads with {@code PluginContext.webhookValues} */
    public io.plugboard.sdk.settings.SettingReader reader(String pluginId, String webhookId) {
        return new WebhookValues(this, pluginId, webhookId, declared(webhookId).getOrDefault(pluginId, List.of()));
    }

    static DeclaredSettings settings(String plugin, List<Setting> declared) {
        return new DeclaredSettings("the plugin " + plugin, PREFIX + plugin, PREFIX + plugin + ".", declared, v -> {});
    }

    private static String place(String webhookId, String pluginId, String key) {
        return "webhook-field:" + webhookId + ":" + pluginId + ":" + key;
    }
}
