package io.plugboard.host.internal.inspector;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request an inbox received. The body is kept up to {@link Inboxes#MAX_BODY_BYTES}; a longer one
 * is cut and marked {@code truncated} (and cannot have its signature checked).
 *
 * @param headers header name (lower case) → values, in the order received
 */
public record CapturedRequest(int number, Instant receivedAt, String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body, long bodyBytes, boolean truncated,
                              String remoteAddress) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the first value of a header, or null */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
