package io.plugboard.host.internal.web;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.config.AllowedHosts;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.HostPort;
import io.plugboard.host.internal.web.http.ApiException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses {@code /admin}, {@code /api} and {@code /portal} requests addressed to a name the host does not answer to,
 * with 421. DNS rebinding points a name the attacker owns at 127.0.0.1, so the victim's browser
 * treats the host as part of the attacker's site; the browser still sends the attacker's name in
 * {@code Host}. The one-time setup form (which needs no login) is always checked; the rest once the
 * operator named the site's hosts, or when the host listens on loopback only (where every legitimate
 * client uses a loopback name). Behind a trusted proxy, every {@code X-Forwarded-Host} name is checked too.
 */
final class HostCheck {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");
    private static final String SETUP = "/admin/setup";

    private final List<HostPort> allowed = new ArrayList<>();
    private final boolean everywhere;
    private final boolean behindProxy;
    private final BasePath base;

    /** @param base where the paths this checks are (its routes are registered under it) */
    HostCheck(AllowedHosts configured, String bindHost, boolean behindProxy, BasePath base) {
        this.base = base;
        this.behindProxy = behindProxy;
        LOOPBACK.forEach(name -> allowed.add(HostPort.parse(name).orElseThrow()));
        allowed.addAll(configured.entries());
        boolean wildcard = bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]");
        if (wildcard) {
            allowed.addAll(interfaceAddresses()); // listening on every address: each of them is the listen address
        } else {
            HostPort.parse(bindHost).ifPresent(allowed::add);
        }
        Optional<HostPort> bind = HostPort.parse(bindHost);
        boolean loopbackOnly = bind.isPresent() && (bind.get().host().equals("localhost")
                || bind.get().host().startsWith("127.") || bind.get().host().equals("0:0:0:0:0:0:0:1"));
        this.everywhere = configured.configured() || loopbackOnly;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.before("/admin", this::check);
        routes.before("/admin/*", this::check);
        routes.before("/api/*", this::check);
        routes.before("/portal", this::check);
        routes.before("/portal/*", this::check);
    }

    private void check(Context ctx) {
        if (!everywhere && !SETUP.equals(WebPaths.plugboardPath(base, ctx.path()))) {
            return;
        }
        List<String> names = new ArrayList<>();
        // Browsers always send Host; a request without one (HTTP/1.0) is not a browser's, so not rebinding.
        if (ctx.header("Host") != null) {
            names.add(ctx.header("Host"));
        }
        if (behindProxy && ctx.header("X-Forwarded-Host") != null) {
            names.addAll(List.of(ctx.header("X-Forwarded-Host").split(",")));
        }
        for (String name : names) {
            Optional<HostPort> requested = HostPort.parse(name);
            if (requested.isEmpty() || allowed.stream().noneMatch(a -> a.admits(requested.get()))) {
                throw new ApiException(421, "this site does not answer to the host name '" + shortened(name.strip())
                        + "'. If it is one of its names, add it to the allowed hosts (the allowedHost option, "
                        + "configuration key allowed-hosts) or set the public URL (publicUrl, key public-url)");
            }
        }
    }

    private static String shortened(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100) + "…";
    }

    private static List<HostPort> interfaceAddresses() {
        List<HostPort> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
                for (InetAddress address : nif.inetAddresses().toList()) {
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    HostPort.parse(zone < 0 ? text : text.substring(0, zone)).ifPresent(out::add);
                }
            }
        } catch (SocketException e) {
            // Without the list, the machine's addresses must be named in the allowed hosts.
        }
        return out;
    }
}
