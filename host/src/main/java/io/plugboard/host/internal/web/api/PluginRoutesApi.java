package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.contrib.PluginRoutes;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.host.internal.web.http.PluginRequestParts;
import io.plugboard.sdk.web.Caller;
import io.plugboard.sdk.web.JsonResponse;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/plugins/{plugin_id}/…}: one HTTP route per method that hands the request to the JSON
 * route a running plugin registered (Javalin's routes are fixed at start). Registered after the host's
 * own plugin endpoints, whose names are reserved ({@link PluginRoutes#RESERVED}); behind the same
 * authentication as the rest of the API, then the route's own scope and permission check (403). A
 * plugin's answer must be JSON, or it becomes a 500.
 */
final class PluginRoutesApi {

    private static final Logger log = LoggerFactory.getLogger(PluginRoutesApi.class);
    private static final String PATH = "/api/v1/plugins/{plugin_id}/<path>";

    private final PluginRoutes routes;
    private final ObjectMapper mapper;

    PluginRoutesApi(PluginRoutes routes, ObjectMapper mapper) {
        this.routes = routes;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi config) {
        Handler dispatch = this::dispatch;
        config.get(PATH, dispatch);
        config.post(PATH, dispatch);
        config.put(PATH, dispatch);
        config.delete(PATH, dispatch);
    }

    private void dispatch(Context ctx) {
        String pluginId = ctx.pathParam("plugin_id");
        String path = "/" + ctx.pathParam("path");
        String method = ctx.method().name();
        PluginRoutes.Match match = routes.match(pluginId, method, path).orElseThrow(() -> new NotFoundException(
                "no route " + method + " " + path + " of a running plugin '" + pluginId + "'"));
        Caller caller = PluginRequestParts.apiCaller(ctx);
        RoutePermission.check(match.spec(), caller, ctx.path(),
                check -> callPlugin(pluginId, method, path, () -> check.test(caller)));
        // Read here, not inside plugin code: a body over the size limit must answer 413, not look like a plugin failure.
        String body = ctx.body();
        JsonResponse response = callPlugin(pluginId, method, path, () -> match.handler().handle(
                new PluginJsonRequest(ctx, method, path, match.params(), body, caller)));
        if (response == null || !isJson(response.json())) {
            log.error("The JSON route {} {} of plugin '{}' answered something that is not JSON", method, path, pluginId);
            throw new ApiException(500, "the plugin '" + pluginId + "' answered something that is not JSON");
        }
        response.headers().forEach(ctx::header);
        ctx.status(response.status()).contentType("application/json").result(response.json());
    }

    /** Plugin code: bad input it reports is a 400 with its message; anything else a 500, logged with its id. */
    private static <T> T callPlugin(String pluginId, String method, String path, Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage() == null ? "the plugin refused the request" : e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            log.error("The JSON route {} {} of plugin '{}' failed", method, path, pluginId, e);
            throw new ApiException(500, "the plugin '" + pluginId + "' failed to answer; the server log has the details");
        }
    }

    private boolean isJson(String text) {
        try {
            return mapper.readTree(text) != null;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
