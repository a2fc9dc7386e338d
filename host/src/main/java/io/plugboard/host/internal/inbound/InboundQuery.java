package io.plugboard.host.internal.inbound;

/**
 * A search of inbound webhooks; null criteria match everything.
 *
 * @param text matched case-insensitively against the name
 */
public record InboundQuery(String text, InboundWebhook.State state, String receiverId, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
}
