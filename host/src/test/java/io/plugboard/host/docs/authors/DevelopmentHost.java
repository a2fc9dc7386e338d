package io.plugboard.host.docs.authors;

import io.plugboard.host.Plugboard;
import java.nio.file.Path;

/**
 * The development-mode host of docs/plugin-authors.md ("Debugging in development mode"), compiled here
 * ({@code TestDocSnippets} compares the region with the document). Not run: it would wait forever.
 */
final class DevelopmentHost {

    private DevelopmentHost() {}

    static void run() throws InterruptedException {
        // snippet:development-mode
        try (Plugboard host = Plugboard.builder()
                .developmentPlugin(Path.of("target/classes"))   // after mvn compile, or your IDE's build
                .pluginsDir(Path.of("target/no-plugins"))
                .dataDir(Path.of("target/dev-data"))
                .allowPrivateTargets(true)
                .adminUser("dev", "development only")
                .build()
                .start()) {
            // set breakpoints in your plugin's code and use the admin at http://127.0.0.1:8080/admin
            Thread.currentThread().join();
        }
        // end:development-mode
    }
}
