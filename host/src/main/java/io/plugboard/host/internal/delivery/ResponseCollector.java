package io.plugboard.host.internal.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * Listens to one exchange: notes when the response headers arrived and keeps the start of the body up
 * to a limit, then aborts, so a huge or endless response costs no more than the limit. What arrived
 * before a failure (a timeout, a broken connection) is kept too.
 */
final class ResponseCollector implements Response.Listener {

    /** The abort cause when the body reached the limit: not a failure of the exchange. */
    static final class LimitReached extends RuntimeException {
        LimitReached() {
            super("response body limit reached", null, false, false);
        }
    }

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private volatile boolean headersArrived;

    ResponseCollector(int limit) {
        this.limit = limit;
    }

    /** @return completes (never exceptionally) when the exchange is over, however it ended */
    CompletableFuture<Result> done() {
        return done;
    }

    /** @return true once status and headers were received, even if the body then failed */
    boolean headersArrived() {
        return headersArrived;
    }

    @Override
    public void onHeaders(Response response) {
        headersArrived = true;
        if (limit == 0) {
            response.abort(new LimitReached());
        }
    }

    @Override
    public synchronized void onContent(Response response, ByteBuffer content) {
        int take = Math.min(limit - bytes.size(), content.remaining());
        if (take > 0) {
            byte[] chunk = new byte[take];
            content.get(chunk);
            bytes.write(chunk, 0, take);
        }
        if (bytes.size() >= limit) {
            response.abort(new LimitReached());
        }
    }

    @Override
    public void onComplete(Result result) {
        done.complete(result);
    }

    /** @return the body read so far, as text; a multi-byte character cut at the limit is dropped */
    synchronized String body() {
        String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        if (bytes.size() >= limit && text.endsWith("\uFFFD")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
