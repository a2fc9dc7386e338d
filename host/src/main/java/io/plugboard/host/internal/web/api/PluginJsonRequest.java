package io.plugboard.host.internal.web.api;

import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.PluginRequestParts;
import io.plugboard.sdk.web.Caller;
import io.plugboard.sdk.web.JsonRequest;
import java.util.List;
import java.util.Map;

/** A request to a plugin's JSON route, as the plugin sees it (credentials headers withheld). */
record PluginJsonRequest(Context ctx, String method, String path, Map<String, String> params, String body,
                         Caller caller) implements JsonRequest {

    @Override
    public String pathParam(String name) {
        return params.get(name);
    }

    @Override
    public String queryParam(String name) {
        return ctx.queryParam(name);
    }

    @Override
    public List<String> queryParams(String name) {
        return List.copyOf(ctx.queryParams(name));
    }

    @Override
    public Map<String, List<String>> headers() {
        return PluginRequestParts.headers(ctx);
    }
}
