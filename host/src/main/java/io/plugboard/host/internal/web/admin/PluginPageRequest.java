package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.Caller;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.sdk.web.PageRequest;

/** A request to a plugin's admin page, as the plugin sees it. */
record PluginPageRequest(Context ctx) implements PageRequest {

    @Override
    public String method() {
        return ctx.method().name();
    }

    @Override
    public String param(String name) {
        String query = ctx.queryParam(name);
        return query != null || !method().equals("POST") ? query : ctx.formParam(name);
    }

    @Override
    public String user() {
        Caller caller = ctx.attribute(AccessNames.CALLER_ATTRIBUTE);
        return caller == null ? "" : caller.name();
    }
}
