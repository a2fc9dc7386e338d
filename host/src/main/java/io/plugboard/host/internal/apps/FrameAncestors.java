package io.plugboard.host.internal.apps;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The origins allowed to show a portal in an {@code <iframe>}, as the CSP's {@code frame-ancestors}
 * lists them: {@code https://app.example.com}, {@code https://*.example.com}, {@code http://localhost:3000}.
 * Only origins: a path, a query or a keyword other than {@code 'self'} is refused, so nothing a user
 * typed can widen the policy beyond what it names.
 */
public final class FrameAncestors {

    public static final int MAX = 20;

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    private FrameAncestors() {}

    /**
     * @param given null for none given (the host-wide setting applies)
     * @return the origins, lower-cased, or null
     */
    public static List<String> parse(String field, List<String> given, Map<String, String> problems) {
        if (given == null) {
            return null;
        }
        if (given.size() > MAX) {
            problems.put(field, "at most " + MAX + " origins");
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String o = given.get(i) == null ? "" : given.get(i).strip();
            String problem = problem(o);
            if (problem != null) {
                problems.put(field + "[" + i + "]", problem);
            } else if (!kept.contains(o.toLowerCase(Locale.ROOT))) {
                kept.add(o.toLowerCase(Locale.ROOT));
            }
        }
        return kept;
    }

    /** @return why the text is not an allowed origin, or null if it is one */
    public static String problem(String origin) {
        if (origin.equals("'self'")) {
            return null;
        }
        String wildcard = origin.replace("://*.", "://wildcard.");
        URI u;
        try {
            u = URI.create(wildcard);
        } catch (IllegalArgumentException e) {
            return "'" + origin + "' is not an origin such as https://app.example.com";
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "'" + origin + "' must start with https:// (or http://)";
        }
        String host = origin.substring(origin.indexOf("://") + 3).split(":", 2)[0].toLowerCase(Locale.ROOT);
        boolean bare = (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null
                && u.getRawFragment() == null && u.getRawUserInfo() == null;
        if (!bare || !HOST.matcher(host).matches()) {
            return "'" + origin + "' must be an origin only (scheme, host, optional port), such as https://app.example.com";
        }
        return null;
    }
}
