package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.Worker;
import io.plugboard.host.internal.common.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished attempts on its own thread, many per transaction: it lingers up to 2 ms after the
 * first attempt to gather more, which under load cuts commits (and SQLite statement preparations)
 * per delivery several times over. A batch that cannot be recorded (even for an {@link Error}) is
 * reported by its supervised {@link Worker}; those deliveries stay pending and are sent again.
 */
final class AttemptRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);
    static final int BATCH = 500;
    private static final long LINGER_NANOS = 2_000_000;
    private static final int WRITE_TRIES = 3;

    private final CompletionWriter writer;
    private final Consumer<List<Attempt>> afterWrite;
    private final Worker worker;
    private final LinkedBlockingQueue<Attempt> finished = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    /** @param afterWrite told about each batch once it is committed (or given up on) */
    AttemptRecorder(CompletionWriter writer, Worker worker, Consumer<List<Attempt>> afterWrite) {
        this.writer = writer;
        this.worker = worker;
        this.afterWrite = afterWrite;
    }

    void start() {
        running = true;
        thread = Workers.supervisedThread(worker, "plugboard-delivery-writer", this::loop,
                () -> running || !finished.isEmpty());
    }

    void add(Attempt attempt) {
        finished.add(attempt);
    }

    private void loop() {
        while (running || !finished.isEmpty()) {
            Attempt first;
            try {
                first = finished.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first != null) {
                write(gather(first));
            }
        }
    }

    private List<Attempt> gather(Attempt first) {
        List<Attempt> batch = new ArrayList<>(BATCH);
        batch.add(first);
        long lingerUntil = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < BATCH && System.nanoTime() < lingerUntil && running) {
            if (finished.drainTo(batch, BATCH - batch.size()) == 0) {
                LockSupport.parkNanos(100_000);
            }
        }
        return batch;
    }

    private void write(List<Attempt> batch) {
        for (int attempt = 1; attempt <= WRITE_TRIES; attempt++) {
            try {
                writer.write(batch);
                worker.succeeded();
                break;
            } catch (RuntimeException | Error e) {
                if (attempt < WRITE_TRIES && e instanceof RuntimeException) {
                    // A shared database may roll a transaction back (deadlock, failover); the batch is whole again.
                    log.warn("Recording {} delivery attempt(s) failed, trying again: {}", batch.size(), e.toString());
                    LockSupport.parkNanos(50_000_000L * attempt);
                } else {
                    // The deliveries stay pending in the database and will be attempted again: at least once.
                    log.error("Could not record {} delivery attempt(s); they will be retried", batch.size());
                    worker.failed(e);
                    break;
                }
            }
        }
        afterWrite.accept(batch);
    }

    /** Records what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
