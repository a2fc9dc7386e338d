package io.plugboard.host.internal.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The host's own version, written into a resource by the build; PF4J checks Plugin-Requires against it. */
public final class HostVersion {

    private HostVersion() {}

    public static String read() {
        try (InputStream in = HostVersion.class.getResourceAsStream("/plugboard-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugboard-version.properties is missing from the host jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
