package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#EVENT_REFUSED}: an emit the host refused; nothing was stored.
 *
 * @param type the event type's key as given (may be unknown, or null)
 * @param source who tried to emit it
 * @param reason why, as the emitter was told
 */
public record RefusedEvent(String type, String source, String reason) {}
