package io.plugboard.host.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application whose dependency management pins an older Jetty (as a Spring Boot BOM can) gets a
 * refusal at start naming the library and the version needed, not a host whose dispatcher dies later.
 * The child JVM runs on the test's class path with the Jetty jars swapped for 12.0 ones (the build
 * copies them to {@code target/incompatible-jetty}).
 */
class TestLibraryVersions {

    private static final Path OLD_JETTY = Path.of("target", "incompatible-jetty");

    @Test
    void startRefusesAnOlderJettyOnTheClassPathNamingWhatIsNeeded() throws Exception {
        try (ChildJvm child = ChildJvm.start(classPathWithOldJetty(), LibraryCheckChild.class)) {
            assertThat(child.awaitExit()).as("the child's log: %s", child.log()).isEqualTo(2);
            assertThat(child.lines()).singleElement().asString()
                    .startsWith("REFUSED Plugboard cannot start with these library versions:")
                    .contains("org.eclipse.jetty:jetty-client 12.0.16 is on the class path; Plugboard needs 12.1 or a later 12.x")
                    .contains("org.eclipse.jetty:jetty-util 12.0.16");
        }
    }

    @Test
    void theSameChildStartsOnTheBuildsOwnClassPath() throws Exception {
        try (ChildJvm child = ChildJvm.start(LibraryCheckChild.class)) {
            assertThat(child.awaitExit()).as("the child's log: %s", child.log()).isZero();
            assertThat(child.lines()).containsExactly("STARTED");
        }
    }

    private static String classPathWithOldJetty() throws IOException {
        List<String> entries = new ArrayList<>();
        List<String> swapped = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.matches("jetty-(util|io|http|server|client)-12\\.1\\..*\\.jar")) {
                swapped.add(name);
            } else {
                entries.add(entry);
            }
        }
        assertThat(swapped).as("the Jetty jars of the test's class path").hasSize(5);
        try (Stream<Path> old = Files.list(OLD_JETTY)) {
            old.map(Path::toString).forEach(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }
}
