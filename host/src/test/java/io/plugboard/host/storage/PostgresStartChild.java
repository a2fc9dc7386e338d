package io.plugboard.host.storage;

import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.TestHost;

/**
 * Runs in a child JVM for {@link TestPostgresDriver}: starts a host configured for PostgreSQL at the
 * URL given, where nothing listens, and prints {@code REFUSED <message>} with the messages of the
 * failure and its causes (exit 2), or {@code STARTED} (exit 0).
 */
public final class PostgresStartChild {

    private PostgresStartChild() {}

    public static void main(String[] args) {
        try (Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("plugins")).dataDir(TestHost.tempDir("data"))
                .database(args[0], "plugboard", null).port(0).build()) {
            host.start();
            System.out.println("STARTED");
        } catch (RuntimeException e) {
            StringBuilder messages = new StringBuilder("REFUSED");
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(' ').append(t.getMessage());
            }
            System.out.println(messages.toString().replace('\n', ' '));
            System.out.flush();
            System.exit(2);
        }
    }
}
