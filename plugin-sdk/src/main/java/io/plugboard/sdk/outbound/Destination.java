package io.plugboard.sdk.outbound;

import io.plugboard.sdk.settings.Setting;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * The extension point through which a plugin adds a place events can be delivered to besides HTTP
 * endpoints: a RabbitMQ exchange, a NATS JetStream subject, an MQTT topic, a Redis stream.
 *
 * <p>Implement it in a public class with a public no-argument constructor, annotated with
 * {@code @org.pf4j.Extension}. The host lists the destinations of every active plugin; an admin creates
 * webhooks that name one (API field {@code destination}), each with its own values for
 * {@link #settings()}. The host does everything else as for HTTP: it picks the subscribed events, renders
 * the webhook's payload format, signs the body (the Standard Webhooks headers are in
 * {@link OutgoingMessage#headers()}; send them as the message's headers or properties where the broker
 * has them), retries on the webhook's schedule and records each attempt with what {@link #send} answered.
 *
 * <p>One instance serves every webhook of this destination, from several host threads at once (at most
 * the host's per-webhook in-flight limit per webhook): keep connections in a thread-safe cache keyed by
 * the settings that choose them, and close them in {@link #close()}. While the plugin is not active its
 * webhooks are shown as "destination unavailable" and their deliveries wait; nothing is lost.
 */
public interface Destination extends ExtensionPoint {

    /**
     * @return a stable id, 1–64 lower-case letters, digits, {@code _} or {@code -}, starting with a letter
     *     (e.g. {@code rabbitmq}); unique across all plugins, stored with each webhook; {@code http} is the host's
     */
    String id();

    /** @return a short name for the admin's "Where to" choice, e.g. "RabbitMQ exchange" */
    String label();

    /** @return one or two sentences on where messages go and what the settings mean; may be empty */
    default String description() {
        return "";
    }

    /**
     * @return the settings each webhook of this destination has (server, credentials, exchange, …), declared
     *     and checked as plugin settings are; {@link Setting#secret()} values are sealed at rest and masked
     */
    default List<Setting> settings() {
        return List.of();
    }

    /**
     * Checks that the settings are usable, beyond what their {@link Setting} declarations check (a
     * well-formed server address, a routing key pattern). Called when a webhook is created or its settings
     * change (a failure refuses the change and stores nothing). It should not connect anywhere: an admin
     * checks reachability with the webhook's <em>Send test event</em>.
     *
     * @param settings the values by key, defaults applied; absent keys have no value
     * @throws io.plugboard.sdk.settings.InvalidSettingsException naming each setting that is wrong and why
     */
    default void verify(Map<String, String> settings) {}

    /**
     * @param settings the values by key, defaults applied, secret ones left out
     * @return where messages go, in a few words for lists and the delivery log, e.g.
     *     {@code amqp://127.0.0.1:5672 exchange "events"}
     */
    default String describe(Map<String, String> settings) {
        return label();
    }

    /**
     * Delivers one message and says how it went. Blocking is fine: the host calls it on a thread of its
     * own and stops waiting after its request timeout (then the attempt is retried). Return as soon as
     * the destination has <em>accepted</em> the message (a publisher confirm, a JetStream ack, a PUBACK):
     * {@link DeliveryOutcome#delivered} is a promise that it will not be lost.
     *
     * @return the outcome; an exception thrown is a {@link DeliveryOutcome#retry} with its message
     */
    DeliveryOutcome send(OutgoingMessage message) throws Exception;

    /** Closes connections and threads: called once when the plugin stops, after the last send. */
    default void close() {}
}
