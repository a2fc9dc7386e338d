package io.plugboard.host.internal.inbound;

import java.time.Instant;

/**
 * A request an inbound webhook refused or could not turn into events.
 *
 * @param kind {@code rejected} (wrong key, bad signature, too large), {@code parse_error},
 *     {@code unavailable} (the receiver is not running, or a newer version awaits the admin) or
 *     {@code failed} (the receiver threw)
 * @param body the first {@link InboundRequestLog#BODY_KEPT} bytes of the body as UTF-8, or null when not kept
 * @param bodyBytes the size of the whole body
 */
public record InboundError(String id, Instant receivedAt, int status, String kind, String message, String contentType,
                           String body, long bodyBytes) {}
