package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.outbound.OAuthClient;
import io.plugboard.host.internal.payloads.AppSecretLookup;
import io.plugboard.host.internal.outbound.PemMaterial;
import io.plugboard.host.internal.outbound.TargetGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;

/**
 * Sends webhook requests with Jetty's HTTP client, asynchronously: a slow endpoint holds no thread.
 * The client connects only to addresses the {@link TargetGuard} allows ({@link GuardedResolver}); through the
 * {@link OutboundProxy} when there is one, after the guard judged the target. A webhook with mutual TLS goes
 * out on a client of its own ({@link EndpointClients}); one with OAuth carries a bearer token from
 * {@link OAuthTokens}, fetched again once on a 401.
 * Redirects are never followed (a 3xx is a failure), only the first {@code maxResponseBodyBytes} of a
 * response are read, and every failure becomes a {@link SendResult} with the reason in words: the
 * returned future never fails.
 */
public final class HttpSender implements AutoCloseable {

    private final EndpointClients clients;
    private final TargetGuard guard;
    private final OutboundProxy proxy;
    private final Duration requestTimeout;
    private final int maxBodyBytes;
    private final LocalEndpoint local;
    private final OAuthTokens tokens;
    private final SendFailures failures;

    public HttpSender(DeliveryConfig settings, TargetGuard guard) {
        this(settings, guard, request -> Optional.empty());
    }

    /** @param local endpoints of this host itself, delivered in-process instead of over the network */
    public HttpSender(DeliveryConfig settings, TargetGuard guard, LocalEndpoint local) {
        this(settings, guard, local, null, (app, name) -> Optional.empty(), Clock.systemUTC());
    }

    /**
     * @param proxy the proxy requests go through, or null
     * @param secrets the secrets store (OAuth client secrets by name, in the request's application)
     * @param clock when OAuth tokens expire
     */
    public HttpSender(DeliveryConfig settings, TargetGuard guard, LocalEndpoint local, OutboundProxy proxy,
                      AppSecretLookup secrets, Clock clock) {
        this.guard = guard;
        this.local = local;
        this.proxy = proxy;
        this.requestTimeout = settings.requestTimeout();
        this.failures = new SendFailures(settings.requestTimeout());
        this.maxBodyBytes = settings.maxResponseBodyBytes();
        this.clients = new EndpointClients(settings, guard, proxy);
        this.tokens = new OAuthTokens(clients.shared(), this::targetRefusal, secrets, clock, settings.requestTimeout(),
                failures);
    }

    public CompletableFuture<SendResult> sendAsync(WebhookRequest request) {
        Optional<SendResult> handled = local.deliver(request);
        if (handled.isPresent()) {
            return CompletableFuture.completedFuture(handled.get());
        }
        long start = System.nanoTime();
        HttpClient client;
        try {
            client = clients.forTls(request.access().tls());
        } catch (PemMaterial.Problem e) {
            return CompletableFuture.completedFuture(SendResult.noResponse(0, "not sent: client_tls: " + e.getMessage()));
        }
        return targetRefusal(request.url()).thenCompose(refused -> {
            if (refused.isPresent()) {
                return CompletableFuture.completedFuture(SendResult.noResponse(elapsedMs(start), "not sent: " + refused.get()));
            }
            OAuthClient oauth = request.access().oauth();
            if (oauth == null) {
                return exchange(client, request, start);
            }
            return tokens.token(request.app(), oauth)
                    .thenCompose(token -> exchange(client, request.withHeader("Authorization", "Bearer " + token), start)
                            .thenCompose(result -> result.responseStatus() == null || result.responseStatus() != 401
                                    ? CompletableFuture.completedFuture(result)
                                    // Once: a token the endpoint rejects is fetched again, then the answer stands.
                                    : tokens.refresh(request.app(), oauth, token).thenCompose(fresh -> exchange(client,
                                            request.withHeader("Authorization", "Bearer " + fresh), start))))
                    .exceptionally(failure -> SendResult.noResponse(elapsedMs(start),
                            "not sent: " + OAuthTokens.reason(failure)));
        });
    }

    /**
     * The guard's verdict on a target before anything is sent: its name, and with a proxy (which resolves the
     * name itself, so the client's own resolver never sees it) its addresses too.
     *
     * @return completes with the refusal, or empty; never fails
     */
    private CompletableFuture<Optional<String>> targetRefusal(URI target) {
        var refused = guard.nameRefusal(target.getHost());
        if (refused.isPresent() || proxy == null) {
            return CompletableFuture.completedFuture(refused);
        }
        int port = target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        GuardedResolver resolver = (GuardedResolver) clients.shared().getSocketAddressResolver();
        return resolver.check(target.getHost(), port);
    }

    private CompletableFuture<SendResult> exchange(HttpClient client, WebhookRequest request, long start) {
        ResponseCollector collector = new ResponseCollector(maxBodyBytes);
        try {
            newRequest(client, request).send(collector);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(SendResult.noResponse(elapsedMs(start), failures.describe(e, request.url())));
        }
        return collector.done().thenApply(outcome -> result(outcome, collector, request, elapsedMs(start)));
    }

    /** Sends and waits; for the synchronous "Send test event". */
    public SendResult send(WebhookRequest request) {
        return sendAsync(request).join();
    }

    private Request newRequest(HttpClient client, WebhookRequest request) {
        String contentType = request.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue)
                .findFirst().orElse("application/json");
        return client.newRequest(request.url())
                .method(HttpMethod.POST)
                .version(HttpVersion.HTTP_1_1)
                .followRedirects(false)
                .timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> request.headers().forEach(h::put))
                .body(new BytesRequestContent(contentType, request.body()));
    }

    private SendResult result(Result outcome, ResponseCollector collector, WebhookRequest request, long ms) {
        Response response = outcome.getResponse();
        if (!collector.headersArrived() || response == null) {
            return SendResult.noResponse(ms, failures.describe(outcome.getFailure(), request.url()));
        }
        // After the headers, a failure (limit reached, timeout, broken connection) still leaves a response.
        int status = response.getStatus();
        Map<String, String> headers = firstValues(response);
        boolean ok = status >= 200 && status < 300;
        Duration retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(headers.get("retry-after")).orElse(null) : null;
        return new SendResult(ok, status, headers, collector.body(), ms, ok ? null : describeStatus(status, headers),
                retryAfter);
    }

    private static Map<String, String> firstValues(Response response) {
        Map<String, String> out = new TreeMap<>();
        for (HttpField field : response.getHeaders()) {
            out.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getValue());
        }
        return out;
    }

    private static String describeStatus(int status, Map<String, String> headers) {
        if (status >= 300 && status < 400) {
            return "HTTP " + status + ": redirect to " + headers.getOrDefault("location", "(no Location header)")
                    + " not followed; use the final URL";
        }
        return "HTTP " + status;
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        clients.close();
    }
}
