package io.plugboard.sdk.inbound;

import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * The extension point through which a plugin turns inbound HTTP requests into events: a Prometheus
 * Alertmanager notification, a payment provider's callback, another Plugboard's delivery.
 *
 * <p>Implement it in a public class with a public no-argument constructor, annotated with
 * {@code @org.pf4j.Extension}. The host lists the receivers of every active plugin; an admin creates
 * inbound webhooks from them, each with its own URL, access key and values for {@link #settings()}.
 * The event types a receiver produces are registered like any other, by an
 * {@link io.plugboard.sdk.EventTypeProvider} in the same plugin.
 *
 * <p>One instance serves every inbound webhook of this receiver, from many threads at once: keep no
 * per-request state in fields. {@link #parse} runs on the request's thread and should return within
 * milliseconds; it must not call other systems.
 */
public interface Receiver extends ExtensionPoint {

    /**
     * @return a stable id, 1–64 lower-case letters, digits, {@code _} or {@code -}, starting with a letter
     *     (e.g. {@code alertmanager}); unique across all plugins, stored with each inbound webhook
     */
    String id();

    /** @return a short name for the admin, e.g. "Prometheus Alertmanager" */
    String name();

    /** @return one or two sentences on what it accepts and what events it emits */
    String description();

    /**
     * @return the settings each inbound webhook of this receiver has (a signing secret, an event type),
     *     declared and checked as plugin settings are; the host masks {@link Setting#secret()} values
     */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Checks that the settings are usable, beyond what their {@link Setting} declarations check (for
     * example that a secret is well-formed). The host calls it when an inbound webhook is created or
     * its settings change (a failure refuses the change), and when an admin presses "verify".
     *
     * @param settings the values by key, defaults applied; absent keys have no value
     * @throws io.plugboard.sdk.settings.InvalidSettingsException naming each setting that is wrong and why
     */
    default void verify(Map<String, String> settings) {}

    /**
     * Turns one request into events, or into the answer to a handshake.
     *
     * @param request the headers, raw body and the inbound webhook's settings
     * @return the events to emit (the host answers {@code 202} with their ids), or a handshake answer
     * @throws RejectedRequestException if the request is not authentic (bad signature, stale timestamp):
     *     the host answers {@code 401}
     * @throws UnparseableRequestException if the body is not in the expected format: the host answers
     *     {@code 400} and records the body in the inbound webhook's recent errors
     */
    ReceiveResult parse(InboundRequest request);
}
