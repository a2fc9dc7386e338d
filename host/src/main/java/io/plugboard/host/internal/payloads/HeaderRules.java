package io.plugboard.host.internal.payloads;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which custom headers a webhook may set. Names are HTTP tokens (RFC 9110); values are visible ASCII,
 * spaces and tabs, no CR or LF. Refused: the signature headers ({@code webhook-*}), the ones the HTTP
 * client owns ({@code content-length}, {@code host}, {@code transfer-encoding}, {@code connection},
 * and the other hop-by-hop headers), and {@code Content-Type} unless the format takes the body's content
 * type from it ({@link PayloadFormat#contentTypeFromHeaders()}).
 */
final class HeaderRules {

    static final int MAX_HEADERS = 20;
    static final int MAX_VALUE_LENGTH = 4096;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final List<String> RESERVED = List.of("content-length", "host", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "te", "trailer", "proxy-connection", "expect");

    private HeaderRules() {}

    /** @return the headers with names and values trimmed, or null after putting the problem in {@code errors} */
    static Map<String, String> check(Map<String, String> headers, PayloadFormat format, PayloadFormats formats,
                                     Map<String, String> errors) {
        if (headers.size() > MAX_HEADERS) {
            errors.put("headers", "at most " + MAX_HEADERS + " custom headers");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey() == null ? "" : h.getKey().strip();
            String value = h.getValue() == null ? "" : h.getValue().strip();
            String problem = problem(name, value, format, formats);
            if (problem == null && out.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                problem = "header " + name + " is given twice";
            }
            if (problem != null) {
                errors.put("headers", problem);
                return null;
            }
            out.put(name, value);
        }
        return out;
    }

    private static String problem(String name, String value, PayloadFormat format, PayloadFormats formats) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!TOKEN.matcher(name).matches()) {
            return "'" + name + "' is not a valid header name (letters, digits and !#$%&'*+.^_`|~- only)";
        }
        if (lower.startsWith("webhook-")) {
            return "header " + name + " is reserved: webhook-* headers carry the signature";
        }
        if (RESERVED.contains(lower)) {
            return "header " + name + " is set by the HTTP client and cannot be changed";
        }
        if (lower.equals("content-type") && !format.contentTypeFromHeaders()) {
            return "Content-Type can be set only with format " + formats.choosingContentType().stream()
                    .map(id -> "\"" + id + "\"").collect(Collectors.joining(" or ")) + "; the other formats have their own";
        }
        if (value.isEmpty()) {
            return "header " + name + " needs a value";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "header " + name + " is longer than " + MAX_VALUE_LENGTH + " characters";
        }
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            return "header " + name + " must not contain line breaks";
        }
        if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
            return "header " + name + " may contain only printable ASCII characters";
        }
        return null;
    }
}
