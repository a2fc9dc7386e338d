package io.plugboard.sdk.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A body a {@link PayloadFormat} rendered.
 *
 * @param contentType the body's content type
 * @param body the exact bytes to send (the signature covers them)
 * @param headers headers the format adds (never the signature headers, which the host sets)
 */
public record RenderedPayload(String contentType, byte[] body, Map<String, String> headers) {

    /** Checks every part is given, and copies the headers. */
    public RenderedPayload {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /**
     * @param contentType e.g. {@code application/json}
     * @param text the body, sent as UTF-8
     * @return a body without headers of its own
     */
    public static RenderedPayload of(String contentType, String text) {
        return new RenderedPayload(contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
