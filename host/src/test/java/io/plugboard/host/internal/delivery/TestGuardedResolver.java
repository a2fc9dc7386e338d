package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.outbound.TargetGuard;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.junit.jupiter.api.Test;

/**
 * The resolver the webhook client connects through keeps only the addresses the guard allows. The DNS
 * answers here are given as address literals (a DNS server giving mixed answers cannot be had on
 * loopback); the filtering is the real code.
 */
class TestGuardedResolver {

    private static final TargetGuard STRICT = new TargetGuard(false, List.of());

    private static InetSocketAddress at(String ip) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), 443);
    }

    /** A DNS that answers every host with the given addresses, as a rebinding name would. */
    private static List<InetSocketAddress> resolve(TargetGuard guard, List<InetSocketAddress> answer) throws Exception {
        SocketAddressResolver dns = (host, port, context, promise) -> promise.succeeded(answer);
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        new GuardedResolver(dns, guard).resolve("hooks.example.com", 443, null, Promise.from(result));
        return result.get();
    }

    @Test
    void keepsOnlyThePublicAddressesOfAMixedAnswerInOrder() throws Exception {
        List<InetSocketAddress> kept = resolve(STRICT, List.of(at("127.0.0.1"), at("93.184.216.34"), at("10.1.2.3"),
                at("169.254.169.254"), at("2606:2800:220:1:248:1893:25c8:1946"), at("::1"), at("::ffff:192.168.0.1")));
        assertThat(kept).containsExactly(at("93.184.216.34"), at("2606:2800:220:1:248:1893:25c8:1946"));
    }

    @Test
    void refusesWhenNoAllowedAddressIsLeftNamingTheFirstRefused() throws Exception {
        assertThatThrownBy(() -> resolve(STRICT, List.of(at("10.0.0.7"), at("127.0.0.1"))))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(GuardedResolver.Refused.class)
                .hasMessageStartingWith("'hooks.example.com' resolves to 10.0.0.7, a private address");
    }

    @Test
    void anAllowedRangeKeepsItsAddressesAndAnAllowedHostKeepsAll() throws Exception {
        assertThat(resolve(new TargetGuard(false, List.of("10.0.0.0/8")), List.of(at("127.0.0.1"), at("10.9.9.9"))))
                .containsExactly(at("10.9.9.9"));
        assertThat(resolve(new TargetGuard(false, List.of("hooks.example.com")), List.of(at("127.0.0.1"), at("10.9.9.9"))))
                .containsExactly(at("127.0.0.1"), at("10.9.9.9"));
        assertThat(resolve(new TargetGuard(true, List.of()), List.of(at("127.0.0.1")))).containsExactly(at("127.0.0.1"));
    }

    @Test
    void aFailedLookupIsPassedOn() {
        SocketAddressResolver dns = (host, port, context, promise) -> promise.failed(new java.net.UnknownHostException(host));
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        new GuardedResolver(dns, STRICT).resolve("nowhere.invalid", 80, null, Promise.from(result));
        assertThat(result).failsWithin(java.time.Duration.ofSeconds(5)).withThrowableThat()
                .withCauseInstanceOf(java.net.UnknownHostException.class);
    }
}
