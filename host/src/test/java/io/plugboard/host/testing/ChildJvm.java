package io.plugboard.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, with the test's class path, to be killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux). Its standard output goes to a file, so the test reads
 * every line the child wrote before it died, and a child that writes a lot never blocks on a full pipe;
 * its log goes to a file beside it, named when the child dies too early.
 * The database settings of a PostgreSQL run are passed on, so a host restarted in the test finds the
 * child's data.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;
    private final Path log;

    private ChildJvm(Process process, Path output, Path log) {
        this.process = process;
        this.output = output;
        this.log = log;
    }

    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), main, args);
    }

    /** Like {@link #start(Class, String...)}, on another class path (e.g. with other library versions). */
    public static ChildJvm start(String classPath, Class<?> main, String... args) throws IOException {
        Path folder = TestHost.tempDir("child");
        Path output = folder.resolve("stdout.txt");
        Path log = folder.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath,
                // C1 only: the child starts in a third of the time on a loaded machine, and runs briefly.
                "-XX:TieredStopAtLevel=1"));
        for (String property : List.of(TestDatabases.URL_PROPERTY, TestDatabases.MODE_PROPERTY)) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(log.toFile())
                .start();
        return new ChildJvm(process, output, log);
    }

    /** @return every complete line the child has written so far */
    public List<String> lines() {
        try {
            String text = Files.readString(output);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : text.substring(0, end).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return what follows {@code READY } once the child has printed it (bounded wait) */
    public String awaitReady() {
        return Await.value("the child host started", Duration.ofSeconds(30), () -> {
            assertThat(process.isAlive()).as("the child JVM is running (its log: %s)", log).isTrue();
            return lines().stream().filter(l -> l.startsWith("READY ")).findFirst().orElse("");
        }, ready -> !ready.isEmpty()).substring("READY ".length());
    }

    /** Writes a line to the child's standard input. */
    public void tell(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the child JVM died").isTrue();
    }

    /** @return the child's exit code, once it has ended by itself (bounded wait) */
    public int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended (its log: %s)", log).isTrue();
        return process.exitValue();
    }

    /** @return what the child wrote to its standard error (its log) */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
