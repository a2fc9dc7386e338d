package io.plugboard.host;

import io.plugboard.host.internal.config.AllowedHosts;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.outbound.AllowListEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The checks {@link PlugboardBuilder}'s methods make on what they are given, so a mistake fails at the
 * call that made it with a message saying what to give instead.
 */
final class BuilderChecks {

    private BuilderChecks() {}

    static int port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        return port;
    }

    static String allowTarget(String hostOrCidr) {
        return AllowListEntry.checked(Objects.requireNonNull(hostOrCidr, "hostOrCidr"));
    }

    static Duration sessionIdleTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sessionIdleTimeout must be a positive duration, not " + timeout);
        }
        return timeout;
    }

    /** @param name the builder method's name, for the message */
    static long atLeastOneKiB(String name, long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException(name + " must be at least 1024, not " + bytes);
        }
        return bytes;
    }

    static String contentSecurityPolicy(String policy) {
        if (policy == null || policy.isBlank() || policy.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("contentSecurityPolicy must be a non-blank header value on one line");
        }
        return policy.strip();
    }

    static String instanceId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("instanceId must be 1 to 64 letters, digits, '.', '_' or '-', not '"
                    + id + "'");
        }
        return id;
    }

    static String allowedHost(String nameWithOptionalPort) {
        String name = Objects.requireNonNull(nameWithOptionalPort, "nameWithOptionalPort").strip();
        new AllowedHosts(List.of(name), null);
        return name;
    }

    static URI publicUrl(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is not a URL: " + e.getMessage());
        }
        new AllowedHosts(List.of(), uri);
        return uri;
    }

    static BasePath basePath(String path) {
        return new BasePath(Objects.requireNonNull(path, "path").strip());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * A page of the embedding application the admin links or redirects to: an absolute http(s) URL or
     * a path on this site; {@code {next}} may stand for the requested path.
     */
    static String appUrl(String what, String url) {
        String text = Objects.requireNonNull(url, what).strip();
        String probe = text.replace("{next}", "next");
        boolean path = probe.startsWith("/") && !probe.startsWith("//") && !probe.contains("\\");
        boolean absolute = false;
        try {
            URI uri = new URI(probe);
            absolute = uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
            path = path && !uri.isAbsolute();
        } catch (URISyntaxException e) {
            path = false;
        }
        if (!path && !absolute) {
            throw new IllegalArgumentException("the " + what + " must be an http:// or https:// URL or a path "
                    + "starting with /, e.g. /login?next={next}; was: " + text);
        }
        return text;
    }
}
