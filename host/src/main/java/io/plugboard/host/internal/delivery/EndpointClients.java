package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.outbound.ClientTls;
import io.plugboard.host.internal.outbound.PemMaterial;
import io.plugboard.host.internal.outbound.TargetGuard;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The Jetty clients webhooks are sent with: one shared client, and one per distinct {@link ClientTls} (a TLS
 * configuration belongs to the client, not the request), kept by the configuration's fingerprint. A changed or
 * removed configuration leaves its client unused: a client unused for {@link #IDLE} is stopped, and beyond
 * {@link #MAX_TLS_CLIENTS} the least recently used one is, after a request's longest time.
 */
final class EndpointClients implements AutoCloseable {

    static final int MAX_TLS_CLIENTS = 32;
    static final Duration IDLE = Duration.ofMinutes(10);

    private record Kept(HttpClient client, long lastUsedNanos) {}

    private final DeliveryConfig settings;
    private final TargetGuard guard;
    private final OutboundProxy proxy;
    private final HttpClient shared;
    private final long idleNanos;
    /** Access order: the first entry is the least recently used. */
    private final LinkedHashMap<String, Kept> byTls = new LinkedHashMap<>(16, 0.75f, true);

    EndpointClients(DeliveryConfig settings, TargetGuard guard, OutboundProxy proxy) {
        this.settings = settings;
        this.guard = guard;
        this.proxy = proxy;
        this.shared = start(null);
        Duration longestRequest = settings.connectTimeout().plus(settings.requestTimeout());
        this.idleNanos = Math.max(IDLE.toNanos(), longestRequest.multipliedBy(2).toNanos());
    }

    HttpClient shared() {
        return shared;
    }

    /** @return the client for these TLS settings (the shared one for none) */
    HttpClient forTls(ClientTls tls) throws PemMaterial.Problem {
        if (tls == null) {
            return shared;
        }
        String key = tls.fingerprint();
        long now = System.nanoTime();
        synchronized (byTls) {
            stopIdle(now);
            Kept kept = byTls.get(key);
            if (kept == null) {
                if (byTls.size() >= MAX_TLS_CLIENTS) {
                    var oldest = byTls.entrySet().iterator().next();
                    byTls.remove(oldest.getKey());
                    stopLater(oldest.getValue().client());
                }
                kept = new Kept(start(sslFor(tls)), now);
            }
            byTls.put(key, new Kept(kept.client(), now));
            return kept.client();
        }
    }

    /** @return how many TLS-specific clients run now */
    int tlsClients() {
        synchronized (byTls) {
            return byTls.size();
        }
    }

    private void stopIdle(long now) {
        for (var it = byTls.values().iterator(); it.hasNext(); ) {
            Kept kept = it.next();
            if (now - kept.lastUsedNanos() > idleNanos) {
                it.remove();
                JettyClients.stop(kept.client());
            }
        }
    }

    /** An evicted client may still carry a request: stopped once the longest request is surely over. */
    private void stopLater(HttpClient client) {
        Duration grace = settings.connectTimeout().plus(settings.requestTimeout()).plusSeconds(1);
        shared.getScheduler().schedule(() -> JettyClients.stop(client), grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private HttpClient start(SslContextFactory.Client tls) {
        return JettyClients.start(settings, dns -> new GuardedResolver(dns, guard, proxy), proxy, tls);
    }

    private static SslContextFactory.Client sslFor(ClientTls tls) throws PemMaterial.Problem {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        if (tls.hasClientCertificate()) {
            ssl.setKeyStore(PemMaterial.keyStore(tls));
            ssl.setKeyStorePassword(new String(PemMaterial.STORE_PASSWORD));
        }
        if (tls.ca() != null) {
            ssl.setTrustStore(PemMaterial.trustStore(tls.ca()));
        }
        return ssl;
    }

    @Override
    public void close() {
        synchronized (byTls) {
            byTls.values().forEach(kept -> JettyClients.stop(kept.client()));
            byTls.clear();
        }
        JettyClients.stop(shared);
    }
}
