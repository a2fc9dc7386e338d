package io.plugboard.host.internal.apps;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an application's portal looks; a null part takes the host-wide value.
 *
 * @param siteName the name in the portal's header
 * @param logoUrl an {@code https://} image URL
 * @param primaryColor {@code #rgb} or {@code #rrggbb}
 * @param colorScheme {@code light}, {@code dark} or {@code auto}
 */
public record PortalTheme(String siteName, String logoUrl, String primaryColor, String colorScheme) {

    public static final PortalTheme NONE = new PortalTheme(null, null, null, null);

    private static final Pattern COLOR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    /** @return each part of this one, or the other's where this one has none */
    public PortalTheme over(PortalTheme other) {
        return new PortalTheme(siteName != null ? siteName : other.siteName, logoUrl != null ? logoUrl : other.logoUrl,
                primaryColor != null ? primaryColor : other.primaryColor,
                colorScheme != null ? colorScheme : other.colorScheme);
    }

    /** Checks each given part, writing refusals under {@code field.part}; null parts are left out. */
    static PortalTheme checked(String field, PortalTheme t, Map<String, String> problems) {
        if (t == null) {
            return null;
        }
        String name = t.siteName == null || t.siteName.isBlank() ? null : t.siteName.strip();
        if (name != null && name.length() > 100) {
            problems.put(field + ".site_name", "at most 100 characters");
        }
        if (t.logoUrl != null && !isHttps(t.logoUrl)) {
            problems.put(field + ".logo_url", "must be an https:// URL");
        }
        if (t.primaryColor != null && !COLOR.matcher(t.primaryColor).matches()) {
            problems.put(field + ".primary_color", "must be a colour such as #1f6feb");
        }
        String scheme = t.colorScheme == null ? null : t.colorScheme.toLowerCase(Locale.ROOT);
        if (scheme != null && !Map.of("light", 1, "dark", 1, "auto", 1).containsKey(scheme)) {
            problems.put(field + ".color_scheme", "must be light, dark or auto");
        }
        return new PortalTheme(name, t.logoUrl, t.primaryColor, scheme);
    }

    private static boolean isHttps(String url) {
        try {
            URI u = URI.create(url);
            return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && url.length() <= 2000;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
