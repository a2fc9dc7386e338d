package io.plugboard.host.internal.delivery;

/** The outcome of "Send test event": which event was sent, and what the endpoint answered. */
public record TestResult(String attemptId, String eventId, String eventType, SendResult result) {}
