package io.plugboard.plugins.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One AMQP connection to one broker as one user, shared by every webhook with those settings, and a
 * bounded set of confirm-mode channels, each lent to one sending thread at a time.
 *
 * <p>The client's automatic recovery is off: a connection that broke is opened again by the next send,
 * so a send never waits for a recovery in the background and its outcome says what happened.
 */
final class BrokerConnection implements AutoCloseable {

    /** At most this many messages of one connection await their confirm at once; more senders wait. */
    static final int MAX_CHANNELS = 16;
    private static final int CONNECT_TIMEOUT_MS = 3_000;

    private final ConnectionFactory factory;
    private final Semaphore lent = new Semaphore(MAX_CHANNELS);
    private final ConcurrentLinkedQueue<ConfirmChannel> idle = new ConcurrentLinkedQueue<>();
    private final ReentrantLock opening = new ReentrantLock();
    private volatile Connection connection;
    private volatile boolean closed;

    BrokerConnection(ConnectionFactory factory) {
        this.factory = factory;
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        factory.setHandshakeTimeout(CONNECT_TIMEOUT_MS);
        factory.setChannelRpcTimeout(CONNECT_TIMEOUT_MS);
        factory.setRequestedHeartbeat(30);
    }

    /**
     * Publishes one message and waits for its confirm, all within {@code budget}.
     *
     * @throws IOException when the connection or a channel cannot be opened (authentication, refused, …)
     */
    DeliveryOutcome publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body,
                            Duration budget) throws IOException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        if (!lent.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
            return DeliveryOutcome.retry("all " + MAX_CHANNELS + " channels to the broker were busy for "
                    + budget.toSeconds() + " s");
        }
        ConfirmChannel channel = null;
        try {
            channel = borrow(deadline);
            return channel.publish(exchange, routingKey, properties, body, Duration.ofNanos(remaining(deadline)));
        } finally {
            giveBack(channel);
            lent.release();
        }
    }

    private ConfirmChannel borrow(long deadline) throws IOException, TimeoutException, InterruptedException {
        Connection open = open(deadline);
        for (ConfirmChannel channel = idle.poll(); channel != null; channel = idle.poll()) {
            if (channel.usable()) {
                return channel;
            }
            channel.closeQuietly();
        }
        return new ConfirmChannel(open);
    }

    private void giveBack(ConfirmChannel channel) {
        if (channel == null) {
            return;
        }
        if (channel.usable() && !closed) {
            idle.offer(channel);
        } else {
            channel.closeQuietly();
        }
    }

    /** @return the open connection, opened (again) if there is none; one thread opens while the others wait */
    private Connection open(long deadline) throws IOException, TimeoutException, InterruptedException {
        Connection current = connection;
        if (current != null && current.isOpen()) {
            return current;
        }
        if (!opening.tryLock(remaining(deadline), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("another send was still connecting to the broker");
        }
        try {
            if (closed) {
                throw new IOException("the plugin is stopping");
            }
            current = connection;
            if (current == null || !current.isOpen()) {
                // Channels of a broken connection are closed with it; usable() drops them from idle.
                current = factory.newConnection("plugboard rabbitmq-destination");
                connection = current;
            }
            return current;
        } finally {
            opening.unlock();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Drops the connection as a network failure would, leaving it to the next send to open a new one. */
    void abortConnection() {
        Connection current = connection;
        if (current != null) {
            current.abort();
        }
    }

    /** Closes the connection, and with it every channel; a send in flight ends with a closed-channel retry. */
    @Override
    public void close() {
        closed = true;
        opening.lock();
        try {
            Connection current = connection;
            connection = null;
            if (current != null && current.isOpen()) {
                current.abort(CONNECT_TIMEOUT_MS);
            }
            idle.clear();
        } finally {
            opening.unlock();
        }
    }
}
