package io.plugboard.host.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.HookDoc;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * docs/hooks.md is what {@link HookReference} makes of {@link CoreHooks}: it fails (printing the
 * expected text) when they differ; {@code -Dplugboard.docs.write=true} rewrites the file instead.
 */
class TestHookDocs {

    private static final Path SOURCE = Path.of("../plugin-sdk/src/main/java/io/plugboard/sdk/hooks/CoreHooks.java");
    private static final Path DOC = Path.of("../docs/hooks.md");

    @Test
    void everyCoreHookIsDocumented() throws Exception {
        long constants = Arrays.stream(CoreHooks.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers())).count();
        assertThat(constants).as("core hooks").isGreaterThanOrEqualTo(30);
        for (Field f : CoreHooks.class.getFields()) {
            assertThat(f.getAnnotation(HookDoc.class)).as(f.getName() + " has @HookDoc").isNotNull();
        }
        assertThat(HookReference.entries(Files.readString(SOURCE))).as("constants with Javadoc and @HookDoc")
                .hasSize((int) constants);
    }

    @Test
    void docsHooksMdIsGeneratedFromCoreHooks() throws Exception {
        String expected = HookReference.text(SOURCE);
        if (Boolean.getBoolean("plugboard.docs.write")) {
            Files.writeString(DOC, expected);
            return;
        }
        String actual = Files.exists(DOC) ? Files.readString(DOC) : "";
        if (!actual.equals(expected)) {
            System.out.println("docs/hooks.md should be (or run with -Dplugboard.docs.write=true):\n" + expected);
        }
        assertThat(actual).as("docs/hooks.md, generated from CoreHooks").isEqualTo(expected);
    }
}
