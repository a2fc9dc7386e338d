package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.Threads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the plugins folder at a fixed interval (polling works on every file system, including
 * network and container mounts, where change notifications do not) and reports the jars whose size
 * and modification time did not change since the last look: a jar still being copied is left alone
 * until it is complete.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final PluginFolder folder;
    private final Duration interval;
    private final Consumer<Map<Path, Fingerprint>> onLook;
    private final ScheduledExecutorService executor;
    private Map<Path, Fingerprint> previous = new HashMap<>();

    /** @param onLook given the stable jars (unchanged since the previous look) after each look */
    FolderWatcher(PluginFolder folder, Duration interval,
                  Consumer<Map<Path, Fingerprint>> onLook) {
        this.folder = folder;
        this.interval = interval;
        this.onLook = onLook;
        this.executor = Executors.newSingleThreadScheduledExecutor(Threads.daemon("plugboard-plugin-watcher"));
    }

    void start() {
        previous = folder.scan();
        long millis = Math.max(10, interval.toMillis());
        executor.scheduleWithFixedDelay(this::look, millis, millis, TimeUnit.MILLISECONDS);
        log.info("Watching {} for plugin jars", folder.dir().toAbsolutePath());
    }

    private void look() {
        try {
            Map<Path, Fingerprint> now = folder.scan();
            Map<Path, Fingerprint> stable = new HashMap<>();
            now.forEach((file, fingerprint) -> {
                if (fingerprint.equals(previous.get(file))) {
                    stable.put(file, fingerprint);
                }
            });
            previous = now;
            onLook.accept(stable);
        } catch (RuntimeException | LinkageError e) {
            // Keep watching: one bad look (e.g. a plugin's start throwing an Error) must not end it.
            log.error("Deploying from the plugins folder failed", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
