package io.plugboard.plugins.nats;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One NATS connection for one set of servers and credentials, shared by every webhook with those settings
 * (a NATS connection is thread-safe). The client reconnects by itself while the connection lives; a
 * connection that gave up (closed) is opened again by the next send.
 */
final class NatsLink implements AutoCloseable {

    /** How long a JetStream publish waits for the stream's ack. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final NatsSettings settings;
    private final ReentrantLock opening = new ReentrantLock();
    private volatile Connection connection;
    private volatile JetStream jetStream;
    private volatile boolean closed;

    NatsLink(NatsSettings settings) {
        this.settings = settings;
    }

    /** @return the JetStream context of the open connection, connecting first if needed */
    JetStream jetStream(Duration wait) throws IOException, InterruptedException, TimeoutException {
        Connection current = connection;
        if (current != null && current.getStatus() != Connection.Status.CLOSED) {
            return jetStream;
        }
        if (!opening.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("another send was still connecting to the servers");
        }
        try {
            if (closed) {
                throw new IOException("the plugin is stopping");
            }
            current = connection;
            if (current == null || current.getStatus() == Connection.Status.CLOSED) {
                current = Nats.connect(options());
                jetStream = current.jetStream(JetStreamOptions.builder().requestTimeout(ACK_TIMEOUT).build());
                connection = current;
            }
            return jetStream;
        } finally {
            opening.unlock();
        }
    }

    private Options options() {
        Options.Builder options = Options.builder()
                .servers(settings.serverList())
                .connectionName("plugboard nats-destination")
                .connectionTimeout(CONNECT_TIMEOUT)
                // Keep reconnecting while the plugin runs: sends in between time out and are retried.
                .maxReconnects(-1)
                .noEcho();
        if (!settings.token().isEmpty()) {
            options.token(settings.token().toCharArray());
        } else if (!settings.username().isEmpty()) {
            options.userInfo(settings.username().toCharArray(), settings.password().toCharArray());
        }
        return options.build();
    }

    @Override
    public void close() {
        closed = true;
        opening.lock();
        try {
            Connection current = connection;
            connection = null;
            if (current != null) {
                current.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            opening.unlock();
        }
    }
}
