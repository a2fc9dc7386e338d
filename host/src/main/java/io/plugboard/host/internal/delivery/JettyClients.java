package io.plugboard.host.internal.delivery;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/** Builds, starts and stops the Jetty HTTP client that sends webhooks, set up as a webhook sender needs it. */
final class JettyClients {

    /** Enough threads for the selector, DNS lookups and completions; requests themselves hold none. */
    private static final int MAX_THREADS = 32;

    private JettyClients() {
    }

    /**
     * @param resolver wraps the client's DNS resolver (the guard goes there)
     * @return a started client: HTTP/1.1, no redirects, no cookies, no automatic authentication or
     *     decompression, connect timeout from the settings, and per destination as many connections as
     *     the dispatcher lets requests be in flight in total (several webhooks may share a host)
     */
    static HttpClient start(DeliveryConfig settings, UnaryOperator<SocketAddressResolver> resolver) {
        return start(settings, resolver, null, null);
    }

    /**
     * @param proxy the proxy requests go through (except to its no-proxy hosts), or null
     * @param tls the client certificate and trusted CAs of the webhooks this client serves, or null for the JVM's trust
     */
    static HttpClient start(DeliveryConfig settings, UnaryOperator<SocketAddressResolver> resolver, OutboundProxy proxy,
                            SslContextFactory.Client tls) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("plugboard-http");
        threads.setDaemon(true);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("plugboard-http-timer", true);
        HttpClient client = new HttpClient();
        client.setName("plugboard-webhooks");
        client.setExecutor(threads);
        client.setScheduler(scheduler);
        client.setSocketAddressResolver(resolver.apply(
                new SocketAddressResolver.Async(threads, scheduler, settings.connectTimeout().toMillis())));
        client.setConnectTimeout(settings.connectTimeout().toMillis());
        // Longer than a request may take, so an idle timeout never cuts a request short of its own timeout.
        client.setIdleTimeout(Math.max(settings.requestTimeout().toMillis(), Duration.ofSeconds(30).toMillis()));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(null);
        client.setMaxConnectionsPerDestination(settings.maxInFlightTotal());
        // Test sends come on top of the dispatcher's requests.
        client.setMaxRequestsQueuedPerDestination(2 * settings.maxInFlightTotal());
        client.setDestinationIdleTimeout(Duration.ofMinutes(10).toMillis());
        if (tls != null) {
            client.setSslContextFactory(tls);
        }
        if (proxy != null) {
            RoutedProxy routed = new RoutedProxy(proxy);
            client.getProxyConfiguration().addProxy(routed);
            if (proxy.hasCredentials()) {
                // Sent with every request to the proxy (and its CONNECT): the 407 handler is removed below.
                client.getAuthenticationStore().addAuthenticationResult(new BasicAuthentication.BasicResult(
                        routed.getURI(), HttpHeader.PROXY_AUTHORIZATION, proxy.user(), proxy.password()));
            }
        }
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the webhook HTTP client: " + e.getMessage(), e);
        }
        // The body is stored as received (no Accept-Encoding); a 401 or 407 is an answer to report, not a
        // challenge to answer. Both are set up by start().
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        return client;
    }

    /** Jetty's HTTP proxy, used only for the targets the no-proxy list leaves to it. */
    private static final class RoutedProxy extends HttpProxy {

        private final OutboundProxy proxy;

        RoutedProxy(OutboundProxy proxy) {
            super(new Origin.Address(proxy.host(), proxy.port()), false);
            this.proxy = proxy;
        }

        @Override
        public boolean matches(Origin origin) {
            return super.matches(origin) && proxy.proxies(origin.getAddress().getHost());
        }
    }

    static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the webhook HTTP client: " + e.getMessage(), e);
        }
    }
}
