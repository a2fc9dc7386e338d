package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.AppScopes;
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
 * change, delete, enable, disable, verify, rotate the key, upgrade the receiver version, stats, errors. Also under
 * {@code /api/v1/apps/{app}/inbound-webhooks}: each application has its own (another's id is not found), and the
 * events one receives are emitted for its application.
 */
final class InboundWebhooksApi {

    private static final Set<String> CREATE_FIELDS = Set.of("name", "receiver", "settings", "upgrade_mode");
    private static final Set<String> PATCH_FIELDS = Set.of("name", "settings", "upgrade_mode");

    record VerifyJson(boolean ok, Map<String, String> problems) {}

    private final InboundService inbound;
    private final ObjectMapper mapper;

    private final BasePath base;
    private final AppScopes scopes;

    InboundWebhooksApi(InboundService inbound, ObjectMapper mapper, BasePath base, AppScopes scopes) {
        this.scopes = scopes;
        this.base = base;
        this.inbound = inbound;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String base : AppScopes.paths("/inbound-webhooks")) {
            register(routes, base);
        }
    }

    private void register(JavalinDefaultRoutingApi routes, String path) {
        routes.get(path, this::list);
        routes.post(path, this::create);
        routes.get(path + "/{id}", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(inbound.get(scopes.id(ctx), id(ctx)), inbound)));
        routes.patch(path + "/{id}", this::update);
        routes.delete(path + "/{id}", ctx -> {
            inbound.delete(scopes.id(ctx), id(ctx));
            ctx.status(204);
        });
        routes.post(path + "/{id}/enable", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(
                inbound.setState(scopes.id(ctx), id(ctx), InboundWebhook.State.ENABLED), inbound)));
        routes.post(path + "/{id}/disable", ctx -> JsonBody.send(ctx, mapper, InboundJson.of(
                inbound.setState(scopes.id(ctx), id(ctx), InboundWebhook.State.DISABLED), inbound)));
        routes.post(path + "/{id}/verify", ctx -> {
            Map<String, String> problems = inbound.verify(scopes.id(ctx), id(ctx));
            JsonBody.send(ctx, mapper, new VerifyJson(problems.isEmpty(), problems));
        });
        routes.post(path + "/{id}/rotate-key", ctx -> JsonBody.send(ctx, mapper,
                InboundJson.of(inbound.rotateKey(scopes.id(ctx), id(ctx)), inbound, ctx, base)));
        routes.post(path + "/{id}/upgrade", ctx -> JsonBody.send(ctx, mapper,
                InboundJson.of(inbound.upgrade(scopes.id(ctx), id(ctx)), inbound)));
        routes.get(path + "/{id}/stats", ctx -> JsonBody.send(ctx, mapper,
                InboundJson.Stats.of(inbound.get(scopes.id(ctx), id(ctx)).stats())));
        routes.get(path + "/{id}/errors", ctx -> JsonBody.send(ctx, mapper, ListJson.of(inbound.errors(scopes.id(ctx), id(ctx),
                QueryParams.integer(ctx, "limit", InboundRequestLog.ERRORS_KEPT, 1, InboundRequestLog.ERRORS_KEPT)))));
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private void list(Context ctx) {
        InboundQuery query = new InboundQuery(ctx.queryParam("q"), state(ctx.queryParam("state")), ctx.queryParam("receiver"),
                QueryParams.integer(ctx, "limit", InboundQuery.DEFAULT_LIMIT, 1, InboundQuery.MAX_LIMIT),
                QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        InboundPage page = inbound.search(scopes.id(ctx), query);
        JsonBody.send(ctx, mapper, new ListJson<>(page.data().stream().map(w -> InboundJson.of(w, inbound)).toList(), page.total()));
    }

    private void create(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, CREATE_FIELDS);
        CreatedKey created = inbound.create(app, new InboundDraft(in.string("name"), in.string("receiver"),
                settings(in.node("settings")), in.string("upgrade_mode")));
        JsonBody.send(ctx.status(201).header("Location", AppScopes.location(ctx, "/inbound-webhooks/" + created.webhook().id())), mapper, InboundJson.of(created, inbound, ctx, base));
    }

    private void update(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, PATCH_FIELDS);
        InboundWebhook updated = inbound.update(app, id(ctx), new InboundChanges(in.string("name"),
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
