package io.plugboard.plugins.mqtt;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One MQTT 5 connection, shared by every webhook with the same {@link MqttSettings.Connection}; safe for
 * concurrent publishes. It connects on first use and again after the connection is lost (no automatic
 * reconnect in the background: a send that finds it down reconnects, within its own time budget).
 */
final class MqttPublisher implements AutoCloseable {

    /**
     * Paho refuses (32202) more unacknowledged QoS 1 publishes than the broker's receive maximum (Mosquitto:
     * 20), and counts a publish until shortly after its token completes: stay below, and wait on a refusal.
     */
    private static final int MAX_IN_FLIGHT = 10;
    private static final long FULL_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final MqttSettings.Connection connection;
    private final ReentrantLock connecting = new ReentrantLock();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Object enqueueing = new Object();
    private volatile MqttAsyncClient client;
    private volatile boolean closed;

    MqttPublisher(MqttSettings.Connection connection) {
        this.connection = connection;
    }

    /**
     * Publishes with QoS 1 and waits for the PUBACK.
     *
     * @param message makes the message (again, if Paho has to be asked again)
     *
     * @param deadline {@link System#nanoTime()} after which to give up
     * @return the PUBACK's reason codes (all below 0x80: accepted)
     * @throws MqttException if not connected, refused or not acknowledged in time
     * @throws DeadlineException if the time ran out while waiting for a turn
     */
    int[] publish(String topic, Supplier<MqttMessage> message, long deadline) throws MqttException, InterruptedException {
        if (!inFlight.tryAcquire(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
            throw new DeadlineException("too many messages waiting for the broker's acknowledgement");
        }
        try {
            IMqttToken token = publishWhenRoom(topic, message, deadline);
            token.waitForCompletion(Math.max(1, remainingMillis(deadline)));
            if (!token.isComplete()) {
                throw new DeadlineException("no PUBACK within the time limit");
            }
            return token.getReasonCodes() == null ? new int[0] : token.getReasonCodes();
        } finally {
            inFlight.release();
        }
    }

    private IMqttToken publishWhenRoom(String topic, Supplier<MqttMessage> message, long deadline)
            throws MqttException, InterruptedException {
        while (true) {
            try {
                MqttAsyncClient current = connected(deadline);
                // A fresh message each time: Paho marks the one it was given, even when it refuses it.
                MqttMessage fresh = message.get();
                // One publish call at a time (waiting for the PUBACKs stays concurrent). Paho 1.2.5 assigns
                // topic aliases (Mosquitto offers 10) in a check-then-act on a shared table before queueing:
                // concurrent calls could queue an alias-only PUBLISH before the one that defines the alias,
                // and Mosquitto disconnects for that ("protocol error", reason 0x82).
                synchronized (enqueueing) {
                    return current.publish(topic, fresh);
                }
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || remainingMillis(deadline) == 0) {
                    throw e;
                }
                LockSupport.parkNanos(FULL_PAUSE_NANOS);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    private MqttAsyncClient connected(long deadline) throws MqttException, InterruptedException {
        MqttAsyncClient current = client;
        if (current != null && current.isConnected()) {
            return current;
        }
        if (!connecting.tryLock(remainingMillis(deadline), TimeUnit.MILLISECONDS)) {
            throw new DeadlineException("still connecting to " + connection.server());
        }
        try {
            if (closed) {
                throw new DeadlineException("the plugin is stopping");
            }
            if (client != null && client.isConnected()) {
                return client;
            }
            MqttConnector.discard(client);
            client = null;
            MqttAsyncClient fresh = MqttConnector.open(connection, deadline);
            client = fresh;
            return fresh;
        } finally {
            connecting.unlock();
        }
    }

    /** Disconnects and frees the client's threads. */
    @Override
    public void close() {
        connecting.lock();
        try {
            closed = true;
            MqttConnector.discard(client);
            client = null;
        } finally {
            connecting.unlock();
        }
    }

    static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    static long deadlineIn(Duration budget) {
        return System.nanoTime() + budget.toNanos();
    }

    /** The send's time budget ran out, or the publisher is closing, before the broker answered. */
    static final class DeadlineException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadlineException(String message) {
            super(message);
        }
    }
}
