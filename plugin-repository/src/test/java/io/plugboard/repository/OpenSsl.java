package io.plugboard.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's {@code openssl} to show that signatures are standard. OpenSSL is part of every machine
 * this builds on (Debian's base system); without it the test fails saying so, rather than proving nothing.
 */
final class OpenSsl {

    private OpenSsl() {}

    static Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("openssl is needed to check the signatures against a standard tool: " + e.getMessage(), e);
        }
    }

    static String output(Process process) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish");
        }
        return output;
    }
}
