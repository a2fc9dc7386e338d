package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.repository.RepositoryListing;
import io.plugboard.host.internal.repository.RepositoryService;
import io.plugboard.host.internal.repository.UpdatePolicy;
import io.plugboard.host.internal.web.http.JsonBody;
import io.plugboard.host.internal.web.http.PluginRequestParts;
import java.util.Map;
import java.util.Set;

/**
 * Plugins from the repositories: {@code GET /api/v1/plugin-repository} (what they offer, with
 * {@code ?q=} to search; the repositories that could not be read are listed in {@code errors}),
 * {@code POST /api/v1/plugins/install}, {@code POST /api/v1/plugins/{id}/update}, a plugin's history
 * and its auto-update policy.
 */
final class PluginRepositoryApi {

    private final RepositoryService repository;
    private final ObjectMapper mapper;

    PluginRepositoryApi(RepositoryService repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/plugin-repository", this::list);
        routes.post("/api/v1/plugins/install", this::install);
        routes.post("/api/v1/plugins/{id}/update", this::update);
        routes.get("/api/v1/plugins/{id}/history", ctx -> JsonBody.send(ctx, mapper,
                ListJson.of(repository.history(ctx.pathParam("id")))));
        routes.get("/api/v1/plugins/{id}/auto-update", ctx -> sendPolicy(ctx, ctx.pathParam("id")));
        routes.put("/api/v1/plugins/{id}/auto-update", this::setPolicy);
    }

    private void list(Context ctx) {
        String query = ctx.queryParam("q");
        RepositoryListing listing = repository.listing();
        JsonBody.send(ctx, mapper, new RepositoryJson(listing.plugins().stream().filter(p -> p.matches(query))
                .map(RepositoryJson.Plugin::of).toList(), listing.errors()));
    }

    private void install(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("id", "version"));
        String id = in.string("id");
        if (id == null || id.isBlank()) {
            throw ValidationException.of("id", "name the plugin to install: {\"id\": \"…\"} (GET /api/v1/plugin-repository "
                    + "lists them)");
        }
        PluginReport report = repository.install(id.strip(), blankToNull(in.string("version")), actor(ctx));
        JsonBody.send(ctx.status(201).header("Location", "/api/v1/plugins/" + report.id()), mapper, report);
    }

    private void update(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, true, Set.of("version"));
        JsonBody.send(ctx, mapper, repository.update(ctx.pathParam("id"), blankToNull(in.string("version")), actor(ctx)));
    }

    private void setPolicy(Context ctx) {
        String id = ctx.pathParam("id");
        JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("policy"));
        String text = in.string("policy");
        UpdatePolicy policy = UpdatePolicy.parse(text);
        if (policy == null && !"default".equals(text)) {
            throw ValidationException.of("policy", "policy must be off, patch, minor or default (the host's, now "
                    + repository.defaultPolicy().key() + ")");
        }
        repository.setPolicy(id, policy);
        sendPolicy(ctx, id);
    }

    private void sendPolicy(Context ctx, String id) {
        boolean own = repository.policies().containsKey(id);
        JsonBody.send(ctx, mapper, Map.of("plugin_id", id, "policy", repository.policy(id).key(), "own", own));
    }

    private static String actor(Context ctx) {
        return "api:" + PluginRequestParts.apiCaller(ctx).name();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
