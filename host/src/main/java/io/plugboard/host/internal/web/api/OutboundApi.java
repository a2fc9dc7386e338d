package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.web.http.JsonBody;
import io.plugboard.sdk.settings.Setting;
import java.util.List;

/**
 * {@code GET /api/v1/destinations} and {@code GET /api/v1/formats}: where webhooks can deliver and the
 * shapes their bodies can take, as installed now (the host's own and those of active plugins), each with
 * the plugin that provides it and the settings a webhook gives it.
 */
final class OutboundApi {

    record SettingJson(String key, String label, String type, boolean required, String defaultValue, boolean secret,
                       String help, List<String> choices, Long min, Long max) {

        static SettingJson of(Setting s) {
            return new SettingJson(s.key(), s.label(), s.type().name().toLowerCase(java.util.Locale.ROOT), s.required(),
                    s.defaultValue(), s.secret(), s.help(), s.choices(), s.min(), s.max());
        }
    }

    record EntryJson(String id, String label, String description, String plugin, List<SettingJson> settings) {

        static EntryJson of(OutboundCatalog.Entry e) {
            return new EntryJson(e.id(), e.label(), e.description(), e.provider(),
                    e.settings().stream().map(SettingJson::of).toList());
        }
    }

    record ListJson(List<EntryJson> data) {}

    private final OutboundCatalog catalog;
    private final ObjectMapper mapper;

    OutboundApi(OutboundCatalog catalog, ObjectMapper mapper) {
        this.catalog = catalog;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/destinations", ctx -> JsonBody.send(ctx, mapper,
                new ListJson(catalog.destinations().stream().map(EntryJson::of).toList())));
        routes.get("/api/v1/formats", ctx -> JsonBody.send(ctx, mapper,
                new ListJson(catalog.formats().stream().map(EntryJson::of).toList())));
    }
}
