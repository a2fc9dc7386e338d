package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.config.BasePath;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.inbound.CreatedKey;
import io.plugboard.host.internal.inbound.InboundChanges;
import io.plugboard.host.internal.inbound.InboundDraft;
import io.plugboard.host.internal.inbound.InboundPage;
import io.plugboard.host.internal.inbound.InboundQuery;
import io.plugboard.host.internal.inbound.InboundRequestLog;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundWebhook;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/inbound-webhooks}: create (answers the access key and URL, once), search, read,
 * change, delete, enable, disable, verify, rotate the key, upgrade the receiver version, stats, errors.
 */
final class InboundWebhooksApi {

    private static final String BASE = "/api/v1/inbound-webhooks";
    private static final Set<String> CREATE_FIELDS = Set.of("name", "receiver", "settings", "upgrade_mode");
    private static final Set<String> PATCH_FIELDS = Set.of("name", "settings", "upgrade_mode");

    record VerifyJson(boolean ok, Map<String, String> problems) {}

    private final InboundService inbound;
    private final ObjectMapper mapper;

    private final BasePath base;

    InboundWebhooksApi(InboundService inbound, ObjectMapper mapper, BasePath base) {
        this.base = base;
        this.inbound = inbound;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get(BASE, this::list);
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(inbound.get(ctx.pathParam("id")), inbound)));
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", ctx -> {
            inbound.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.post(BASE + "/{id}/enable", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(
                inbound.setState(ctx.pathParam("id"), InboundWebhook.State.ENABLED), inbound)));
        routes.post(BASE + "/{id}/disable", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(
                inbound.setState(ctx.pathParam("id"), InboundWebhook.State.DISABLED), inbound)));
        routes.post(BASE + "/{id}/verify", ctx -> {
            Map<String, String> problems = inbound.verify(ctx.pathParam("id"));
            JsonBody.send(ctx, mapper, new VerifyJson(problems.isEmpty(), problems));
        });
        routes.post(BASE + "/{id}/rotate-key", ctx ->
                JsonBody.send(ctx, mapper, InboundJson.of(inbound.rotateKey(ctx.pathParam("id")), inbound, ctx, base)));
        routes.post(BASE + "/{id}/upgrade", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(inbound.upgrade(ctx.pathParam("id")), inbound)));
        routes.get(BASE + "/{id}/stats", ctx -> JsonBody.send(ctx, mapper, InboundJson.Stats.of(inbound.get(ctx.pathParam("id")).stats())));
        routes.get(BASE + "/{id}/errors", ctx -> JsonBody.send(ctx, mapper, ListJson.of(inbound.errors(ctx.pathParam("id"),
                QueryParams.integer(ctx, "limit", InboundRequestLog.ERRORS_KEPT, 1, InboundRequestLog.ERRORS_KEPT)))));
    }

    private void list(Context ctx) {
        InboundQuery query = new InboundQuery(ctx.queryParam("q"), state(ctx.queryParam("state")), ctx.queryParam("receiver"),
                QueryParams.integer(ctx, "limit", InboundQuery.DEFAULT_LIMIT, 1, InboundQuery.MAX_LIMIT),
                QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        InboundPage page = inbound.search(query);
        JsonBody.send(ctx, mapper, new ListJson<>(page.data().stream().map(w -> InboundJson.of(w, inbound)).toList(), page.total()));
    }

    private void create(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, false, CREATE_FIELDS);
        CreatedKey created = inbound.create(new InboundDraft(in.string("name"), in.string("receiver"),
                settings(in.node("settings")), in.string("upgrade_mode")));
        JsonBody.send(ctx.status(201).header("Location", BASE + "/" + created.webhook().id()), mapper, InboundJson.of(created, inbound, ctx, base));
    }

    private void update(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, false, PATCH_FIELDS);
        InboundWebhook updated = inbound.update(ctx.pathParam("id"), new InboundChanges(in.string("name"),
                in.has("settings") ? settings(in.node("settings")) : null, in.string("upgrade_mode"), false));
        JsonBody.send(ctx, mapper, InboundJson.of(updated, inbound));
    }

    /** An object of key to string, number, boolean or null (null removes a value). */
    private static Map<String, String> settings(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ValidationException.of("settings", "settings must be a JSON object of setting keys to values");
        }
        return SettingValuesJson.read(node, "settings.");
    }

    private static InboundWebhook.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return InboundWebhook.State.parse(value)
                .orElseThrow(() -> ValidationException.of("state", "state must be ENABLED or DISABLED"));
    }
}
