package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.apps.AppDeliverySettings;
import io.plugboard.host.internal.apps.AppDraft;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.apps.PortalTheme;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@code /api/v1/apps}: applications (tenants) — create, list, read, change, and delete with what they hold. */
final class AppsApi {

    private static final Set<String> FIELDS = Set.of("uid", "name", "metadata", "allowed_event_types",
            "frame_ancestors", "theme", "retention_days", "auto_disable_after_hours");
    private static final Set<String> THEME_FIELDS = Set.of("site_name", "logo_url", "primary_color", "color_scheme");

    record AppJson(String id, String uid, String name, JsonNode metadata, List<String> allowedEventTypes,
                   List<String> frameAncestors, PortalTheme theme, Integer retentionDays, Integer autoDisableAfterHours,
                   Instant createdAt, Instant updatedAt) {

        static AppJson of(Application a) {
            return new AppJson(a.id(), a.uid(), a.name(), a.metadata(), a.allowedEventTypes().patterns(),
                    a.frameAncestors(), a.theme(), a.delivery().retentionDays(), a.delivery().autoDisableAfterHours(),
                    a.createdAt(), a.updatedAt());
        }
    }

    private final AppScopes scopes;
    private final Applications apps;
    private final ObjectMapper mapper;

    AppsApi(AppScopes scopes, ObjectMapper mapper) {
        this.scopes = scopes;
        this.apps = scopes.applications();
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/apps", this::list);
        routes.post("/api/v1/apps", this::create);
        routes.get("/api/v1/apps/{app}", ctx -> JsonBody.send(ctx, mapper, AppJson.of(scopes.app(ctx))));
        routes.patch("/api/v1/apps/{app}", this::update);
        routes.delete("/api/v1/apps/{app}", ctx -> {
            apps.delete(scopes.id(ctx), ctx.queryParam("confirm"));
            ctx.status(204);
        });
    }

    private void list(Context ctx) {
        int limit = QueryParams.integer(ctx, "limit", 50, 1, 500);
        int offset = QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        JsonBody.send(ctx, mapper, new ListJson<>(apps.list(limit, offset).stream().map(AppJson::of).toList(),
                apps.count()));
    }

    private void create(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, false, FIELDS).collecting();
        Application created = apps.create(draft(in), in.problems());
        JsonBody.send(ctx.status(201).header("Location", "/api/v1/apps/" + created.id()), mapper, AppJson.of(created));
    }

    private void update(Context ctx) {
        String id = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, FIELDS).collecting();
        JsonBody.send(ctx, mapper, AppJson.of(apps.update(id, draft(in), in.problems())));
    }

    /**
     * Reads the body, noting a field of the wrong JSON type in {@code in}'s problems; {@code null} for a list or the
     * theme clears it.
     */
    private AppDraft draft(JsonInput in) {
        String uid = in.string("uid");
        String name = in.string("name");
        JsonNode metadata = in.node("metadata");
        if (metadata != null && !metadata.isObject()) {
            in.problem("metadata", "metadata must be a JSON object");
        }
        List<String> allowed = in.strings("allowed_event_types");
        List<String> frames = in.strings("frame_ancestors");
        PortalTheme theme = theme(in);
        Integer retention = whole(in, "retention_days");
        Integer autoDisable = whole(in, "auto_disable_after_hours");
        return new AppDraft(uid, name, metadata instanceof ObjectNode o ? o : null, allowed,
                in.has("allowed_event_types") && allowed == null, frames, in.has("frame_ancestors") && frames == null,
                theme, in.has("theme") && theme == null, new AppDeliverySettings(retention, autoDisable),
                in.has("retention_days") && retention == null, in.has("auto_disable_after_hours") && autoDisable == null);
    }

    /** @return the field's whole number, or null when absent, null, or not a whole number (noted then) */
    private static Integer whole(JsonInput in, String field) {
        JsonNode v = in.node(field);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            in.problem(field, field + " must be a whole number");
            return null;
        }
        return v.intValue();
    }

    private static PortalTheme theme(JsonInput in) {
        JsonNode t = in.node("theme");
        if (t == null) {
            return null;
        }
        if (!t.isObject()) {
            in.problem("theme", "theme must be a JSON object with site_name, logo_url, primary_color, color_scheme");
            return null;
        }
        for (var names = t.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (!THEME_FIELDS.contains(f)) {
                in.problem("theme." + f, "unknown field; a theme has " + String.join(", ", THEME_FIELDS.stream().sorted().toList()));
            }
        }
        return new PortalTheme(text(in, t, "site_name"), text(in, t, "logo_url"), text(in, t, "primary_color"),
                text(in, t, "color_scheme"));
    }

    private static String text(JsonInput in, JsonNode theme, String field) {
        JsonNode v = theme.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            in.problem("theme." + field, field + " must be a string");
            return null;
        }
        return v.textValue();
    }
}
