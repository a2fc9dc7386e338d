package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.plugboard.host.internal.auth.CallerRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A Javalin request as the embedding application's login sees it. */
record ContextRequest(Context ctx) implements CallerRequest {

    @Override
    public String method() {
        return ctx.req().getMethod();
    }

    @Override
    public String path() {
        return ctx.path();
    }

    @Override
    public List<String> headers(String name) {
        return name == null ? List.of() : Collections.list(ctx.req().getHeaders(name));
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(ctx.cookie(name));
    }

    @Override
    public String remoteAddress() {
        return ctx.req().getRemoteAddr();
    }

    @Override
    public String clientAddress() {
        return ctx.ip();
    }
}
