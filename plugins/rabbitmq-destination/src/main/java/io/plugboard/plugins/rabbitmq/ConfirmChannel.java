package io.plugboard.plugins.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * One channel in confirm mode, used by one sending thread at a time (channels are not thread-safe), with
 * one message in flight: publish, then wait for the broker's ack, nack or return of exactly that message.
 */
final class ConfirmChannel {

    private final Channel channel;
    /** Set by the connection's reader thread when the broker returns the message in flight (unroutable). */
    private volatile String returned;
    /** Set when the channel's state is unknown (a confirm did not arrive), so it is not reused. */
    private boolean broken;

    ConfirmChannel(Connection connection) throws IOException {
        Channel created = connection.createChannel();
        if (created == null) {
            throw new IOException("the broker has no channel left on this connection (channel_max)");
        }
        this.channel = created;
        channel.confirmSelect();
        channel.addReturnListener(r -> returned = r.getReplyCode() + " " + r.getReplyText());
    }

    /**
     * Publishes with {@code mandatory}, so a message no queue is bound for comes back instead of vanishing.
     * For such a message the broker sends basic.return before basic.ack, on the same connection thread,
     * so {@link #returned} is set when the wait for the confirm ends.
     */
    DeliveryOutcome publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
                            Duration wait) throws IOException, InterruptedException {
        returned = null;
        try {
            channel.basicPublish(exchange, routingKey, true, properties, body);
            if (!channel.waitForConfirms(Math.max(1, wait.toMillis()))) {
                return DeliveryOutcome.retry("the broker refused the message (nack), e.g. a full queue that rejects"
                        + " publishes (x-overflow reject-publish)");
            }
        } catch (TimeoutException e) {
            // The message may still be confirmed later; the retry may then duplicate it (same message-id).
            broken = true;
            return DeliveryOutcome.retry("the broker did not confirm within " + wait.toMillis() + " ms");
        } catch (ShutdownSignalException e) {
            broken = true;
            return DeliveryOutcome.retry("the channel was closed before the broker confirmed: " + ShutdownReasons.of(e));
        }
        String returnedReason = returned;
        if (returnedReason != null) {
            return DeliveryOutcome.retry("no queue is bound to " + target(exchange, routingKey)
                    + " (the broker returned the message: " + returnedReason + ")");
        }
        return DeliveryOutcome.delivered("confirmed by the broker, " + target(exchange, routingKey));
    }

    /** @return whether the channel can take the next message */
    boolean usable() {
        return !broken && channel.isOpen();
    }

    /** Closes the channel, ignoring a channel or connection already gone. */
    void closeQuietly() {
        try {
            if (channel.isOpen()) {
                channel.abort();
            }
        } catch (IOException | RuntimeException ignored) {
            // Closing is best effort: the channel dies with its connection anyway.
        }
    }

    private static String target(String exchange, String routingKey) {
        return (exchange.isEmpty() ? "the default exchange" : "exchange \"" + exchange + "\"")
                + " with routing key \"" + routingKey + "\"";
    }
}
