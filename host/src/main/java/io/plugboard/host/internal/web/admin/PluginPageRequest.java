package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.Caller;
import io.plugboard.host.internal.web.http.PluginRequestParts;
import io.plugboard.sdk.web.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request to a plugin's admin page, as the plugin sees it (credentials headers withheld). */
record PluginPageRequest(Context ctx) implements PageRequest {

    @Override
    public String method() {
        return ctx.method().name();
    }

    @Override
    public String param(String name) {
        String query = ctx.queryParam(name);
        return query != null || !isForm() ? query : ctx.formParam(name);
    }

    @Override
    public List<String> params(String name) {
        List<String> all = new ArrayList<>(ctx.queryParams(name));
        if (isForm()) {
            all.addAll(ctx.formParams(name));
        }
        return List.copyOf(all);
    }

    @Override
    public Map<String, List<String>> headers() {
        return PluginRequestParts.headers(ctx);
    }

    @Override
    public String user() {
        return caller().name();
    }

    @Override
    public io.plugboard.sdk.web.Caller caller() {
        Caller caller = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("an admin request reached a plugin page without a caller");
        }
        return PluginRequestParts.adminCaller(caller);
    }

    private boolean isForm() {
        return method().equals("POST");
    }
}
