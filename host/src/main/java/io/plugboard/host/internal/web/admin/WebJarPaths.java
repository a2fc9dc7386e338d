package io.plugboard.host.internal.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the server serves files of the WebJars on the class path ({@code /webjars/<name>/<version>/…}),
 * with the version read from the jar itself so the pom is the one place that pins it.
 */
final class WebJarPaths {

    private WebJarPaths() {}

    static String htmx() {
        return "/webjars/htmx.org/" + version("org.webjars.npm", "htmx.org") + "/dist/htmx.min.js";
    }

    private static String version(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebJarPaths.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the WebJar " + group + ":" + artifact + " is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
