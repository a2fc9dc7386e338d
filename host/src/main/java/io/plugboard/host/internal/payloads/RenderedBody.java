package io.plugboard.host.internal.payloads;

import java.util.Map;

/**
 * What a {@link PayloadFormat} renders for one request.
 *
 * @param contentType the body's content type
 * @param bytes the exact body, which the signature covers
 * @param headers headers the format adds (none for the built-in formats); never the signature headers
 */
public record RenderedBody(String contentType, byte[] bytes, Map<String, String> headers) {

    public RenderedBody {
        headers = Map.copyOf(headers);
    }

    /** @return a body without headers of its own */
    public static RenderedBody of(String contentType, byte[] bytes) {
        return new RenderedBody(contentType, bytes, Map.of());
    }
}
