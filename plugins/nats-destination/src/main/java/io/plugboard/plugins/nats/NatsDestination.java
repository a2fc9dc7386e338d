package io.plugboard.plugins.nats;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.outbound.OutgoingMessage;
import io.plugboard.sdk.settings.InvalidSettingsException;
import io.plugboard.sdk.settings.Setting;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.pf4j.Extension;

/**
 * Publishes each message to a NATS JetStream subject and calls it delivered once the stream acknowledged
 * it. The event id is the {@code Nats-Msg-Id}, so the stream keeps one copy of a message a retry sends
 * again within its duplicate window.
 */
@Extension
public class NatsDestination implements Destination {

    private final Map<NatsSettings.ConnectionKey, NatsLink> links = new ConcurrentHashMap<>();
    private volatile boolean closed;

    @Override
    public String id() {
        return "nats";
    }

    @Override
    public String label() {
        return "NATS JetStream subject";
    }

    @Override
    public String description() {
        return "Publishes each event to a subject captured by a JetStream stream; delivered once the stream "
                + "acknowledged it, de-duplicated by event id.";
    }

    @Override
    public List<Setting> settings() {
        return NatsSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        NatsSettings.from(settings).check();
    }

    @Override
    public String describe(Map<String, String> settings) {
        return NatsSettings.from(settings).describe();
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) throws InterruptedException {
        NatsSettings settings = NatsSettings.from(message.settings());
        try {
            settings.check();
        } catch (InvalidSettingsException e) {
            return DeliveryOutcome.retry(e.getMessage());
        }
        if (closed) {
            return DeliveryOutcome.retry("the NATS plugin is stopping");
        }
        NatsSettings.ConnectionKey key = settings.connectionKey();
        String subject = message.expand(settings.subject());
        JetStream jetStream;
        try {
            jetStream = links.computeIfAbsent(key, k -> new NatsLink(settings)).jetStream(Duration.ofSeconds(4));
        } catch (IOException | TimeoutException | RuntimeException e) {
            return DeliveryOutcome.retry("cannot connect to " + key + ": " + e.getMessage());
        }
        try {
            PublishAck ack = jetStream.publish(subject, headers(message), message.body(),
                    PublishOptions.builder().messageId(message.eventId()).build());
            return DeliveryOutcome.delivered("stream " + ack.getStream() + ", sequence " + ack.getSeqno()
                    + (ack.isDuplicate() ? " (duplicate)" : ""));
        } catch (JetStreamApiException e) {
            return DeliveryOutcome.retry("JetStream refused the message on subject \"" + subject + "\": "
                    + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return DeliveryOutcome.retry(PublishFailures.describe(e, subject, key));
        }
    }

    /** Closes every connection; publishes still waiting for an ack end with a retry. */
    @Override
    public void close() {
        closed = true;
        links.values().forEach(NatsLink::close);
        links.clear();
    }

    static Headers headers(OutgoingMessage message) {
        Headers headers = new Headers();
        message.headers().forEach(headers::put);
        headers.put("Content-Type", message.contentType());
        return headers;
    }
}
