package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.PeriodicWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the plugins folder at a fixed interval (polling works on every file system, including
 * network and container mounts, where change notifications do not) and reports the jars whose size
 * and modification time did not change since the last look: a jar still being copied is left alone
 * until it is complete. A look that fails is reported by its supervised worker ({@code plugin-watcher})
 * and the next one comes as planned.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final PluginFolder folder;
    private final Duration interval;
    private final Consumer<Map<Path, Fingerprint>> onLook;
    private final PeriodicWorker worker;
    private Map<Path, Fingerprint> previous = new HashMap<>();

    /** @param onLook given the stable jars (unchanged since the previous look) after each look */
    FolderWatcher(PluginFolder folder, Duration interval, Consumer<Map<Path, Fingerprint>> onLook,
                  PeriodicWorker worker) {
        this.folder = folder;
        this.interval = interval;
        this.onLook = onLook;
        this.worker = worker;
    }

    void start() {
        previous = folder.scan();
        Duration every = interval.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : interval;
        worker.start(every, every, this::look);
        log.info("Watching {} for plugin jars", folder.dir().toAbsolutePath());
    }

    private void look() {
        Map<Path, Fingerprint> now = folder.scan();
        Map<Path, Fingerprint> stable = new HashMap<>();
        now.forEach((file, fingerprint) -> {
            if (fingerprint.equals(previous.get(file))) {
                stable.put(file, fingerprint);
            }
        });
        previous = now;
        onLook.accept(stable);
    }

    @Override
    public void close() {
        worker.close();
    }
}
