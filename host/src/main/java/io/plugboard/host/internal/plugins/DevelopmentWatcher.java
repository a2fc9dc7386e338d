package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.PeriodicWorker;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the development plugins' classes directories, whole trees, and reports a directory once its
 * files changed and then stayed as they are for {@link #QUIET}: a compile writes many files, and
 * brings one reload, after its last one. Polls (a look is a walk over a plugin's build output, a few
 * hundred files), as {@link FolderWatcher} does: change notifications are not delivered on every file
 * system, and the JDK's watch service on macOS polls only every few seconds, which would break the
 * promise of a reload within 2 s. A directory that does not exist yet is watched until it appears.
 */
final class DevelopmentWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentWatcher.class);
    static final Duration INTERVAL = Duration.ofMillis(100);
    static final Duration QUIET = Duration.ofMillis(400);

    /** What one directory held at the last look, and since when it changes without a reload yet (0: none due). */
    private static final class Seen {
        Map<Path, Fingerprint> files;
        long changingSinceNanos;
    }

    private final Map<DevelopmentDir, Seen> dirs = new HashMap<>();
    private final BiConsumer<DevelopmentDir, Long> onChange;
    private final PeriodicWorker worker;

    /**
     * Takes the first look at once, so that what changes from here on (even before {@link #start}) is seen.
     *
     * @param onChange given the directory and the time its newest file was written, in epoch milliseconds
     */
    DevelopmentWatcher(List<DevelopmentDir> watched, BiConsumer<DevelopmentDir, Long> onChange, PeriodicWorker worker) {
        this.onChange = onChange;
        this.worker = worker;
        for (DevelopmentDir dir : watched) {
            Seen seen = new Seen();
            seen.files = scan(dir.classes());
            dirs.put(dir, seen);
        }
    }

    void start() {
        worker.start(INTERVAL, INTERVAL, this::look);
        dirs.keySet().forEach(dir -> log.info("Watching {} for changes of the development plugin", dir));
    }

    private void look() {
        long now = System.nanoTime();
        dirs.forEach((dir, seen) -> {
            Map<Path, Fingerprint> files = scan(dir.classes());
            if (!files.equals(seen.files)) {
                seen.files = files;
                seen.changingSinceNanos = now;
            } else if (seen.changingSinceNanos != 0 && now - seen.changingSinceNanos >= QUIET.toNanos()) {
                seen.changingSinceNanos = 0;
                onChange.accept(dir, files.values().stream().mapToLong(Fingerprint::modifiedMillis).max()
                        .orElse(System.currentTimeMillis()));
            }
        });
    }

    /** @return every regular file under the directory (empty if it does not exist); files vanishing meanwhile are skipped */
    static Map<Path, Fingerprint> scan(Path root) {
        Map<Path, Fingerprint> files = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.put(file, new Fingerprint(attributes.size(), attributes.lastModifiedTime().toMillis(), -1));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // deleted while walking: the next look sees the tree settled
                }
            });
        } catch (IOException e) {
            log.debug("Cannot walk {}: {}", root, e.toString());
        }
        return files;
    }

    @Override
    public void close() {
        worker.close();
    }
}
