package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.web.http.JsonBody;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.inbound.AvailableReceiver;
import io.plugboard.host.internal.inbound.ReceiverRegistry;
import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/v1/receivers}: the receivers of the active plugins, with the settings each needs. */
final class ReceiversApi {

    record SettingJson(String key, String label, String type, String help, boolean required, boolean secret,
                       String defaultValue, List<String> choices, Long min, Long max) {
        static SettingJson of(Setting s) {
            return new SettingJson(s.key(), s.label(), s.type().name().toLowerCase(Locale.ROOT), s.help(), s.required(),
                    s.secret(), s.secret() ? null : s.defaultValue(), s.choices(), s.min(), s.max());
        }
    }

    record ReceiverJson(String id, String name, String description, String pluginId, String pluginVersion,
                        List<SettingJson> settings) {
        static ReceiverJson of(AvailableReceiver r) {
            return new ReceiverJson(r.id(), r.name(), r.description(), r.pluginId(), r.pluginVersion(),
                    r.settings().stream().map(SettingJson::of).toList());
        }
    }

    private final ReceiverRegistry receivers;
    private final ObjectMapper mapper;

    ReceiversApi(ReceiverRegistry receivers, ObjectMapper mapper) {
        this.receivers = receivers;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/receivers", ctx ->
                JsonBody.send(ctx, mapper, ListJson.of(receivers.all().stream().map(ReceiverJson::of).toList())));
    }
}
