package io.plugboard.host.internal.inbound;

/** What {@code POST /hooks/in/{id}/{key}} answers. */
public record InboundResponse(int status, String contentType, String body) {

    static final String JSON = "application/json";
}
