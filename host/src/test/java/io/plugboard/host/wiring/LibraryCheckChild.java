package io.plugboard.host.wiring;

import io.plugboard.host.Plugboard;
import io.plugboard.host.testing.TestHost;

/**
 * Runs in a child JVM for {@link TestLibraryVersions}, on the class path the test chose: starts a host
 * on fresh folders and prints {@code STARTED} (exit 0), or {@code REFUSED <message>} (exit 2).
 */
public final class LibraryCheckChild {

    private LibraryCheckChild() {}

    public static void main(String[] args) {
        try (Plugboard host = Plugboard.builder().pluginsDir(TestHost.tempDir("plugins")).dataDir(TestHost.tempDir("data"))
                .port(0).build()) {
            host.start();
            System.out.println("STARTED");
        } catch (IllegalStateException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.out.flush();
            System.exit(2);
        }
    }
}
