package io.plugboard.host.internal.delivery;

/** What the test console sent (masked) and what came back. */
public record ConsoleResult(String eventId, String eventType, ShownRequest request, SendResult response) {}
