package io.plugboard.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample site's fat jar running in a child JVM, started as a user starts it (README's quick start)
 * with a fresh data folder, a free port, a first admin and private targets allowed (the bench's
 * receiver is on loopback). Closing it stops the child (SIGTERM, then a kill if it hangs).
 */
final class SiteProcess implements AutoCloseable {

    static final String DEFAULT_JAR = "sample-site/target/plugboard-sample-site.jar";
    /** The line the site prints once it serves: its base URL. */
    private static final Pattern READY = Pattern.compile("open (http://\\S+)/ \\(demo shop\\)");
    private static final int START_SECONDS = 120;
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Thread stopOnExit;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<String> baseUrl = new CompletableFuture<>();

    private SiteProcess(Process process) {
        this.process = process;
        // A bench stopped with Ctrl-C must not leave the site running.
        this.stopOnExit = new Thread(process::destroy, "bench-site-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Thread reader = new Thread(this::readOutput, "bench-site-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return the jar: {@code -Dbench.siteJar=PATH}, or the build's output relative to the working folder */
    static Path jar() {
        Path jar = Path.of(System.getProperty("bench.siteJar", DEFAULT_JAR));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the sample site's jar is not at " + jar.toAbsolutePath() + ": build it "
                    + "from the repository root with `mvn -B -ntp -o -q -pl sample-site,bench -am package -DskipTests` "
                    + "and run the bench from there, or give its path with -Dbench.siteJar=PATH");
        }
        return jar;
    }

    /** Starts the jar and waits (bounded) until it prints its URL. */
    static SiteProcess start(Path jar, String adminUser, String adminPassword) throws Exception {
        Path dataDir = Files.createTempDirectory("bench-site-data");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--port", "0", "--data-dir", dataDir.toString(),
                "--admin-user", adminUser, "--admin-password", adminPassword, "--allow-private-targets")
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .start();
        SiteProcess site = new SiteProcess(process);
        boolean started = false;
        try {
            site.baseUrl.get(START_SECONDS, TimeUnit.SECONDS);
            started = true;
            return site;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the sample site printed no URL within " + START_SECONDS + " s; its output:\n"
                    + site.tail());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (!started) {
                site.close();
            }
        }
    }

    String baseUrl() {
        return baseUrl.join();
    }

    long pid() {
        return process.pid();
    }

    /** @return the child's last lines of output, for an error message */
    synchronized String tail() {
        return String.join("\n", tail);
    }

    /** Reads the child's output to its end, so that it never blocks on a full pipe; keeps the last lines. */
    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    baseUrl.complete(m.group(1));
                }
            }
        } catch (Exception e) {
            baseUrl.completeExceptionally(e);
        }
        // Does nothing once the URL was seen.
        baseUrl.completeExceptionally(new IllegalStateException("the sample site exited without starting; "
                + "its output:\n" + tail()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs anyway, and the child is gone.
        }
    }
}
