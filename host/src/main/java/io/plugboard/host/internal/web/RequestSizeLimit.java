package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ByteSizes;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.web.http.ApiException;

/**
 * The host's limit on request bodies ({@code maxRequestBytes}) on its own routes inside an application's
 * Javalin, whose {@code maxRequestSize} is the application's (on the host's own server, Javalin enforces the
 * host's limit as the server's). A declared length over the limit is refused before the handler runs; a body
 * without one (chunked) is read here, bounded by the application's limit too, and kept for the handler
 * (Javalin keeps a read body), so whichever limit is smaller wins. Multipart uploads and the event batch
 * bound their bodies themselves, with limits of their own.
 */
final class RequestSizeLimit {

    /** Reads its body itself, up to a larger limit (see {@code BatchInput}). */
    private static final String BATCH = "/api/v1/events/batch";

    private final long maxBytes;
    private final BasePath base;

    RequestSizeLimit(long maxBytes, BasePath base) {
        this.maxBytes = maxBytes;
        this.base = base;
    }

    /** @throws ApiException 413 when the request's body is over the limit */
    void check(Context ctx) {
        String type = ctx.contentType();
        if ((type != null && type.toLowerCase().startsWith("multipart/"))
                || BATCH.equals(WebPaths.plugboardPath(base, ctx.path()))) {
            return;
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes || (declared < 0 && ctx.header("Transfer-Encoding") != null
                && ctx.bodyAsBytes().length > maxBytes)) {
            throw new ApiException(413, "the request body is larger than " + ByteSizes.text(maxBytes)
                    + ", the most this server accepts");
        }
    }
}
