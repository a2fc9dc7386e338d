package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * The value of {@link CoreHooks#EVENT_TO_STORE}: an event about to be stored. A filter may return
 * {@link #withData(String)} (a JSON object, checked against the type's schema afterwards) or
 * {@link #veto(String)}: the emit is then refused with that reason (400 over the API, an
 * {@code InvalidEventException} for a plugin or the application) and nothing is stored.
 *
 * @param type the event type's key
 * @param source who emits it: {@code app}, {@code api}, {@code plugin:<id>}, {@code inbound:<id>}
 * @param data the event's data as compact JSON text
 * @param vetoReason null, or why the event is refused
 */
public record IncomingEvent(String type, String source, String data, String vetoReason) {

    /** Checks that the data is present. */
    public IncomingEvent {
        Objects.requireNonNull(data, "data");
    }

    /** @param json a JSON object @return this event with other data */
    public IncomingEvent withData(String json) {
        return new IncomingEvent(type, source, json, vetoReason);
    }

    /** @param reason shown to whoever emitted the event @return this event, refused */
    public IncomingEvent veto(String reason) {
        return new IncomingEvent(type, source, data, Objects.requireNonNull(reason, "reason"));
    }

    /** @return whether a filter refused the event */
    public boolean vetoed() {
        return vetoReason != null;
    }
}
