package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar is a plugin PF4J can load: manifest, extension index, and the client relocated inside. */
class ITRabbitMqPluginJar {

    @Test
    void the_jar_indexes_the_destination_and_carries_the_relocated_client() throws Exception {
        try (JarFile jar = new JarFile(System.getProperty("plugin.jar"))) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("rabbitmq-destination");
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8).lines())
                        .contains(RabbitMqDestination.class.getName());
            }
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertThat(names).contains("io/plugboard/plugins/rabbitmq/shaded/rabbitmq/client/ConnectionFactory.class");
            assertThat(names).noneMatch(n -> n.startsWith("com/rabbitmq/") || n.startsWith("io/netty/")
                    || n.startsWith("org/slf4j/") || n.startsWith("io/plugboard/sdk/"));
        }
    }
}
