package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.util.Locale;

/**
 * {@code /plugboard/brand.css}: the embedder's primary colour as the admin stylesheet's custom
 * properties. A served file rather than a {@code style} attribute because the admin's CSP allows no
 * inline style; the colour was checked to be a hex colour, so nothing else can reach the stylesheet.
 */
public final class BrandStylesheet implements RouteGroup {

    private final String css;

    public BrandStylesheet(BrandingConfig branding) {
        this.css = branding.primaryColor() == null ? null : css(branding.primaryColor());
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        if (css != null) {
            routes.get(Layout.BRAND_CSS, ctx -> ctx.contentType("text/css; charset=utf-8")
                    .header("Cache-Control", "no-cache").result(css));
        }
    }

    /** @param hex {@code #rgb} or {@code #rrggbb} */
    static String css(String hex) {
        int[] rgb = rgb(hex);
        return ":root { --accent: " + hexOf(rgb, 1.0, 0) + "; --accent-dark: " + hexOf(rgb, 0.7, 0)
                + "; --accent-bg: " + hexOf(rgb, 0.08, 255) + "; }\n";
    }

    private static int[] rgb(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        int v = Integer.parseInt(h, 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }

    /** Each channel as {@code weight × channel + (1 − weight) × toward}: darker toward 0, paler toward 255. */
    private static String hexOf(int[] rgb, double weight, int toward) {
        StringBuilder out = new StringBuilder("#");
        for (int c : rgb) {
            out.append(String.format(Locale.ROOT, "%02x", (int) Math.round(weight * c + (1 - weight) * toward)));
        }
        return out.toString();
    }
}
