package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.outbound.TargetGuard;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a webhook's host for the HTTP client and keeps only the addresses the {@link TargetGuard}
 * allows. The client connects only to what this returns, so the address connected to is the one that
 * was checked: a DNS answer that changes between saving and sending (DNS rebinding) cannot slip a
 * private address in. When no address is left, the connection fails with {@link Refused}.
 *
 * <p>With an {@link OutboundProxy} the client connects to the proxy, whose address the operator chose and the
 * guard does not judge; the proxy resolves the target itself, so {@link #check} resolves and judges the target
 * before such a request is sent.
 */
final class GuardedResolver implements SocketAddressResolver {

    /** No allowed address: the request is not sent. The message says why, in the guard's words. */
    static final class Refused extends IOException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final SocketAddressResolver dns;
    private final TargetGuard guard;

    private final OutboundProxy proxy;

    GuardedResolver(SocketAddressResolver dns, TargetGuard guard) {
        this(dns, guard, null);
    }

    /** @param proxy the proxy, whose own address is resolved unguarded; null for none */
    GuardedResolver(SocketAddressResolver dns, TargetGuard guard, OutboundProxy proxy) {
        this.dns = dns;
        this.guard = guard;
        this.proxy = proxy;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        if (proxy != null && port == proxy.port() && host.equalsIgnoreCase(proxy.host())) {
            dns.resolve(host, port, context, promise);
            return;
        }
        guarded(host, port, context, promise);
    }

    /** @return completes with the guard's refusal of the target's addresses, or empty when it may be sent to; never fails */
    CompletableFuture<Optional<String>> check(String host, int port) {
        CompletableFuture<Optional<String>> out = new CompletableFuture<>();
        guarded(host, port, new java.util.HashMap<>(), Promise.from(addresses -> out.complete(Optional.empty()), failure -> out.complete(
                Optional.of(failure instanceof Refused ? failure.getMessage() : "'" + host + "' does not resolve"))));
        return out;
    }

    private void guarded(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        dns.resolve(host, port, context, Promise.from(addresses -> {
            try {
                promise.succeeded(allowed(host, addresses));
            } catch (IOException e) {
                promise.failed(e);
            }
        }, promise::failed));
    }

    /** @return the addresses the guard allows, in the resolver's order */
    List<InetSocketAddress> allowed(String host, List<InetSocketAddress> addresses) throws IOException {
        List<InetSocketAddress> allowed = new ArrayList<>();
        String firstRefusal = null;
        for (InetSocketAddress address : addresses) {
            Optional<String> refused = address.getAddress() == null
                    ? Optional.of("'" + host + "' did not resolve to an address") : guard.refusal(host, address.getAddress());
            if (refused.isEmpty()) {
                allowed.add(address);
            } else if (firstRefusal == null) {
                firstRefusal = refused.get();
            }
        }
        if (!allowed.isEmpty()) {
            return allowed;
        }
        if (firstRefusal == null) {
            throw new UnknownHostException(host);
        }
        throw new Refused(firstRefusal);
    }
}
