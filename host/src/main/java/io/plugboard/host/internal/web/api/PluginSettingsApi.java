package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.settings.SettingSection;
import io.plugboard.host.internal.settings.SettingView;
import io.plugboard.host.internal.settings.SettingsService;
import io.plugboard.host.internal.web.http.ApiException;
import java.util.List;
import java.util.Set;

/**
 * {@code GET/PUT /api/v1/plugins/{plugin_id}/settings}: a running plugin's settings, secrets masked, and
 * their sections (heading, help, keys) in the order the page shows them.
 * PUT takes an object of key to value (string, number or boolean; null removes the stored value); keys
 * left out keep their values, and a secret sent as the mask or blank keeps its value.
 */
final class PluginSettingsApi {

    /** What GET answers. */
    record SettingsJson(String pluginId, List<SettingView> settings, List<SettingSection> sections) {}

    /** What PUT answers: the settings, and the keys whose values changed. */
    record SavedJson(String pluginId, List<SettingView> settings, List<SettingSection> sections, Set<String> changed) {}

    private final SettingsService settings;
    private final ObjectMapper mapper;

    PluginSettingsApi(SettingsService settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/plugins/{plugin_id}/settings", ctx -> {
            String id = ctx.pathParam("plugin_id");
            JsonBody.send(ctx, mapper, new SettingsJson(id, settings.view(id), settings.sections(id)));
        });
        routes.put("/api/v1/plugins/{plugin_id}/settings", this::update);
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("plugin_id");
        settings.view(id);
        JsonNode body;
        try {
            body = mapper.readTree(ctx.body());
        } catch (java.io.IOException e) {
            throw new ApiException(400, "request body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw new ApiException(400, "request body must be a JSON object of setting keys to values");
        }
        Set<String> changed = settings.update(id, SettingValuesJson.read(body, ""), false);
        JsonBody.send(ctx, mapper, new SavedJson(id, settings.view(id), settings.sections(id), Set.copyOf(changed)));
    }
}
