package io.plugboard.host;

import io.plugboard.host.internal.config.AllowedHosts;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.outbound.AllowListEntry;
import io.plugboard.host.internal.secrets.SecretKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

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

    /** @param name what the number is, for the message */
    static int atLeastOne(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + n);
        }
        return n;
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

    static URI repositoryUrl(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url").strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the plugin repository is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("the plugin repository must be an https:// (or http://) URL, not '"
                    + url + "'");
        }
        return uri;
    }

    static Duration atLeastOneSecond(String name, Duration duration) {
        if (Objects.requireNonNull(duration, name).compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least 1 s, not " + duration);
        }
        return duration;
    }

    static BasePath basePath(String path) {
        return new BasePath(Objects.requireNonNull(path, "path").strip());
    }

    private static final Pattern HEX_COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    /** A path on this server: one leading slash (not {@code //}, which is another site), no quotes, spaces or controls. */
    private static final Pattern SITE_PATH = Pattern.compile("/(?!/)[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*");

    static String primaryColor(String color) {
        if (color == null || !HEX_COLOR.matcher(color.strip()).matches()) {
            throw new IllegalArgumentException("primaryColor must be a CSS hex colour such as #1d4ed8 or #15c, not '"
                    + color + "'");
        }
        return color.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A logo or stylesheet address: a path on this server, or an {@code https://} URL (whose origin the
     * admin's Content-Security-Policy then allows for that kind of resource).
     *
     * @param name the builder method's name, for the message
     */
    static String brandUrl(String name, String url) {
        String u = Objects.requireNonNull(url, name).strip();
        if (SITE_PATH.matcher(u).matches()) {
            return u;
        }
        try {
            URI uri = new URI(u);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null && uri.getRawUserInfo() == null
                    && uri.getHost() != null && !u.contains("'") && !u.contains("\"") && !u.contains(" ")) {
                return u;
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a path on this server such as /assets/logo.svg or an "
                + "https:// URL, not '" + url + "'");
    }

    static String footer(String text) {
        String t = Objects.requireNonNull(text, "text").strip();
        if (t.length() > 500 || t.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("footer must be one line of at most 500 characters");
        }
        return t;
    }

    static String secretsKey(String base64) {
        SecretKeys.check(Objects.requireNonNull(base64, "base64"));
        return base64.strip();
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
