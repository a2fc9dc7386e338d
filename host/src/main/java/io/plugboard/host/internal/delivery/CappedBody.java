package io.plugboard.host.internal.delivery;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads a response body up to a limit and then stops reading, so a huge or endless response costs
 * no more than the limit.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    /** @param deadline how long reading the body may take; what arrived by then is kept */
    CappedBody(int limit, Duration deadline) {
        this.limit = limit;
        CompletableFuture.delayedExecutor(deadline.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!result.isDone()) {
                cancel();
                finish();
            }
        });
    }

    static HttpResponse.BodyHandler<String> handler(int limit, Duration deadline) {
        return info -> new CappedBody(limit, deadline);
    }

    @Override
    public CompletionStage<String> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer b : buffers) {
            int room = limit - bytes.size();
            int take = Math.min(room, b.remaining());
            byte[] chunk = new byte[take];
            b.get(chunk);
            bytes.write(chunk, 0, take);
        }
        if (bytes.size() >= limit) {
            cancel();
            finish();
        }
    }

    @Override
    public void onError(Throwable error) {
        // What arrived before the connection broke is still worth showing.
        finish();
    }

    @Override
    public void onComplete() {
        finish();
    }

    private synchronized void cancel() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private synchronized void finish() {
        if (result.isDone()) {
            return;
        }
        String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        // A cut in the middle of a multi-byte character decodes as U+FFFD: drop it.
        if (bytes.size() >= limit && text.endsWith("\uFFFD")) {
            text = text.substring(0, text.length() - 1);
        }
        result.complete(text);
    }
}
