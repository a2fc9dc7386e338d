package io.plugboard.plugins.awssns;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts SNS URLs (SigningCertURL, SubscribeURL) may point at: comma-separated patterns in which
 * {@code *} stands for exactly one DNS label, so {@code sns.*.amazonaws.com} matches
 * {@code sns.eu-west-1.amazonaws.com} but not {@code sns.evil.example.amazonaws.com} nor
 * {@code sns.x.amazonaws.com.evil.example}. The port is not part of the match.
 */
final class HostPattern {

    private static final Pattern VALID = Pattern.compile("[a-z0-9*]([a-z0-9*.-]*[a-z0-9*])?");

    private final String text;
    private final List<Pattern> patterns;

    private HostPattern(String text, List<Pattern> patterns) {
        this.text = text;
        this.patterns = patterns;
    }

    /** @throws IllegalArgumentException naming the bad pattern */
    static HostPattern parse(String text) {
        List<Pattern> patterns = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (!VALID.matcher(p).matches() || p.contains("..")) {
                throw new IllegalArgumentException("not a host pattern (letters, digits, '-', '.', '*' for one label): " + p);
            }
            StringBuilder regex = new StringBuilder();
            for (String label : p.split("\\.")) {
                regex.append(regex.length() == 0 ? "" : "\\.")
                        .append(label.equals("*") ? "[a-z0-9-]+" : Pattern.quote(label).replace("*", "\\E[a-z0-9-]*\\Q"));
            }
            patterns.add(Pattern.compile(regex.toString()));
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one host pattern is needed, e.g. sns.*.amazonaws.com");
        }
        return new HostPattern(text, List.copyOf(patterns));
    }

    /**
     * @param url a URL from a message
     * @param allowHttp whether {@code http} is accepted besides {@code https}
     * @return null if the URL may be fetched, else why not (for the sender and the admin)
     */
    String refusal(String url, boolean allowHttp) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "not an http(s) URL" : "not an https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "a URL with user information is not accepted";
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        for (Pattern p : patterns) {
            if (p.matcher(host).matches()) {
                return null;
            }
        }
        return "the host '" + host + "' does not match allowed_hosts (" + text + ")";
    }
}
