package io.plugboard.host.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A customer's browser in the portal: opens a link, keeps the portal cookie, posts forms with the page's CSRF token. */
final class PortalVisitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private String cookie;
    private String csrf;
    private String flash;

    PortalVisitor(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the answer to opening the link (a redirect to /portal when it works) */
    Http.Response open(String linkUrl) {
        assertThat(linkUrl).startsWith(baseUrl + "/portal/enter/");
        Http.Response r = Http.exchange(baseUrl, "GET", linkUrl.substring(baseUrl.length()), Map.of(), null);
        if (r.status() == 302) {
            cookie = Http.cookie(r, "plugboard_portal");
            Matcher m = CSRF.matcher(get("/portal").body());
            assertThat(m.find()).as("a CSRF token on the portal page").isTrue();
            csrf = m.group(1);
        }
        return r;
    }

    String cookie() {
        return cookie;
    }

    String csrf() {
        return csrf;
    }

    Http.Response get(String path) {
        return kept(Http.exchange(baseUrl, "GET", path, headers(), null));
    }

    /** Posts a form with this session's CSRF token added. */
    Http.Response post(String path, String... fieldsAndValues) {
        List<String> all = new java.util.ArrayList<>(List.of(fieldsAndValues));
        all.add("_csrf");
        all.add(csrf);
        return postRaw(path, all.toArray(String[]::new));
    }

    /** Posts a form exactly as given (no CSRF token added). */
    Http.Response postRaw(String path, String... fieldsAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(enc(fieldsAndValues[i])).append('=')
                    .append(enc(fieldsAndValues[i + 1]));
        }
        Map<String, String> h = new HashMap<>(headers());
        h.put("Content-Type", "application/x-www-form-urlencoded");
        return kept(Http.exchange(baseUrl, "POST", path, h, body.toString()));
    }

    /** Keeps the flash cookie a response sets, as a browser would, for the next request. */
    private Http.Response kept(Http.Response r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith("plugboard_portal_flash=")) {
                String value = c.substring(c.indexOf('=') + 1, c.contains(";") ? c.indexOf(';') : c.length());
                flash = value.isEmpty() || c.contains("Max-Age=0") ? null : value;
            }
        }
        return r;
    }

    private Map<String, String> headers() {
        if (cookie == null) {
            return Map.of();
        }
        return Map.of("Cookie", "plugboard_portal=" + cookie + (flash == null ? "" : "; plugboard_portal_flash=" + flash));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
