package io.plugboard.host.internal.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The names the host answers to on {@code /admin} and {@code /api}, besides the loopback names and
 * addresses and the listen address (see the web layer's HostCheck): a page on another name that reaches the
 * host through DNS rebinding gets 421.
 *
 * @param names host names or addresses, each with an optional port ({@code admin.example.com},
 *     {@code admin.example.com:8443}, {@code 10.0.0.5}, {@code [fd00::5]:8080}); without a port any port
 * @param publicUrl the host's public base URL ({@code https://hooks.example.com}), whose host is allowed
 *     too, or null
 */
public record AllowedHosts(List<String> names, URI publicUrl) {

    public AllowedHosts {
        names = List.copyOf(names);
        for (String name : names) {
            if (HostPort.parse(name).isEmpty()) {
                throw new IllegalArgumentException("allowed host '" + name + "' is not a host name or address with an "
                        + "optional port, e.g. admin.example.com or admin.example.com:8443");
            }
        }
        if (publicUrl != null && (publicUrl.getScheme() == null
                || !List.of("http", "https").contains(publicUrl.getScheme().toLowerCase(Locale.ROOT))
                || publicUrl.getRawAuthority() == null || HostPort.parse(publicUrl.getRawAuthority()).isEmpty()
                || publicUrl.getRawUserInfo() != null)) {
            throw new IllegalArgumentException("the public URL must be an absolute http:// or https:// URL such as "
                    + "https://hooks.example.com, not '" + publicUrl + "'");
        }
    }

    /** @return none besides the defaults */
    public static AllowedHosts defaults() {
        return new AllowedHosts(List.of(), null);
    }

    /** @return whether the operator named any host (then every {@code /admin} and {@code /api} request is checked) */
    public boolean configured() {
        return !names.isEmpty() || publicUrl != null;
    }

    /** @return the configured names and the public URL's host, parsed */
    public List<HostPort> entries() {
        List<String> all = new java.util.ArrayList<>(names);
        if (publicUrl != null) {
            all.add(publicUrl.getRawAuthority());
        }
        return all.stream().map(n -> HostPort.parse(n).orElseThrow()).toList();
    }
}
