package io.plugboard.host.internal.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.plugboard.host.internal.tracing.Tracing;
import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.javalin.http.HttpResponseException;
import io.plugboard.host.internal.inbound.InboundReceiving;
import io.plugboard.host.internal.inbound.InboundResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /hooks/in/{id}/{access_key}}: public (the access key in the URL is the credential, so
 * {@link AccessControl} leaves this path alone), answered in JSON unless a receiver's handshake says otherwise.
 */
public final class InboundEndpoint implements RouteGroup {

    static final String PATH = "/hooks/in/{id}/{key}";

    private final InboundReceiving receiving;
    private final Tracing tracing;

    /** @param tracing makes each request's receive span (a child of the sender's {@code traceparent}) */
    public InboundEndpoint(InboundReceiving receiving, Tracing tracing) {
        this.receiving = receiving;
        this.tracing = tracing;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, this::traced);
    }

    /** The events the request brings are emitted inside the receive span: their emit spans are its children. */
    private void traced(Context ctx) {
        Span span = tracing.start("plugboard.inbound.receive", SpanKind.SERVER, tracing.from(ctx.header("traceparent")));
        span.setAttribute("plugboard.inbound.id", ctx.pathParam("id"));
        try (Scope scope = span.makeCurrent()) {
            receive(ctx);
        } finally {
            span.setAttribute("http.response.status_code", ctx.statusCode());
            span.end();
        }
    }

    private void receive(Context ctx) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
        }
        // Javalin's own reading enforces the host's request size limit (and answers the client properly).
        InboundResponse response = receiving.receive(ctx.pathParam("id"), ctx.pathParam("key"), headers,
                ctx.contentType(), ctx.req().getContentLengthLong(), () -> {
                    try {
                        return ctx.bodyAsBytes();
                    } catch (HttpResponseException e) {
                        if (e.getStatus() == 413) {
                            throw new InboundReceiving.TooLarge();
                        }
                        throw e;
                    }
                });
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (response.status() == 503) {
            ctx.header("Retry-After", "60");
        }
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}
