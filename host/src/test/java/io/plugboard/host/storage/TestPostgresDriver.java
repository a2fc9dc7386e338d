package io.plugboard.host.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.ChildJvm;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL driver is optional in the host's pom: an application configured for PostgreSQL
 * without it is refused at start with the dependency to add. The child JVM runs on the test's class
 * path without the driver's jar; nothing needs to listen at the URL, the check comes first.
 */
class TestPostgresDriver {

    // Port 9 (discard) on the loopback: nothing listens there, so the connection is refused at once.
    private static final String URL = "jdbc:postgresql://127.0.0.1:9/plugboard?password=secret";

    @Test
    void startWithoutTheDriverIsRefusedNamingTheDependencyToAdd() throws Exception {
        try (ChildJvm child = ChildJvm.start(classPathWithoutDriver(), PostgresStartChild.class, URL)) {
            assertThat(child.awaitExit()).as("the child's log: %s", child.log()).isEqualTo(2);
            assertThat(child.lines()).singleElement().asString()
                    .startsWith("REFUSED ")
                    .contains("jdbc:postgresql://127.0.0.1:9/plugboard?… needs the PostgreSQL JDBC driver")
                    .contains("add the dependency org.postgresql:postgresql")
                    .doesNotContain("secret");
        }
    }

    @Test
    void withTheDriverTheSameStartGetsAsFarAsConnecting() throws Exception {
        try (ChildJvm child = ChildJvm.start(PostgresStartChild.class, URL)) {
            assertThat(child.awaitExit()).as("the child's log: %s", child.log()).isEqualTo(2);
            assertThat(child.lines()).singleElement().asString()
                    .startsWith("REFUSED cannot connect to the database at jdbc:postgresql://127.0.0.1:9/plugboard")
                    .doesNotContain("JDBC driver");
        }
    }

    private static String classPathWithoutDriver() {
        List<String> all = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> kept = all.stream()
                .filter(entry -> !Path.of(entry).getFileName().toString().matches("postgresql-\\d.*\\.jar"))
                .toList();
        assertThat(kept).as("the test's class path has the driver's jar").hasSize(all.size() - 1);
        return String.join(File.pathSeparator, kept);
    }
}
