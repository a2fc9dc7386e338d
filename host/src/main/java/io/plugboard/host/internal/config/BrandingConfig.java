package io.plugboard.host.internal.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * How the admin looks beyond the site's name; every part optional (null).
 *
 * @param logoUrl an image shown in the top bar before the site's name: a path on this server or an
 *     {@code https://} URL
 * @param primaryColor the accent colour of links, buttons and the current page, as {@code #rgb} or
 *     {@code #rrggbb} (checked: it is written into a stylesheet)
 * @param stylesheetUrl one more stylesheet the admin links after its own: a path or an {@code https://} URL
 * @param footer a line of text at the foot of every admin page (escaped)
 */
public record BrandingConfig(String logoUrl, String primaryColor, String stylesheetUrl, String footer) {

    /** @return no branding */
    public static BrandingConfig none() {
        return new BrandingConfig(null, null, null, null);
    }

    /** @return the logo's origin when it is on another site, for the admin's CSP */
    public List<String> imageOrigins() {
        return origins(logoUrl);
    }

    /** @return the stylesheet's origin when it is on another site, for the admin's CSP */
    public List<String> styleOrigins() {
        return origins(stylesheetUrl);
    }

    private static List<String> origins(String url) {
        List<String> out = new ArrayList<>();
        if (url != null && !url.startsWith("/")) {
            URI uri = URI.create(url);
            out.add(uri.getScheme() + "://" + uri.getRawAuthority());
        }
        return out;
    }
}
