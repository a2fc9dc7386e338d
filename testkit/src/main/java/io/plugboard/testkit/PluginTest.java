package io.plugboard.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class against a fresh {@link PluginHarness}: declare a {@code PluginHarness}
 * parameter on a test (or {@code @BeforeEach}) method to receive it; it is closed after the test.
 *
 * <pre>{@code
 * @PluginTest
 * class TestShippingEvents {
 *     @Test
 *     void sends_the_sample(PluginHarness harness) {
 *         CapturedRequest r = harness.awaitDelivery(harness.emitSample("shipment_sent"));
 *         r.assertSignedWith(harness.signingSecret());
 *     }
 * }
 * }</pre>
 *
 * <p>The attributes override what {@code plugin.properties} or {@code META-INF/MANIFEST.MF} in the
 * classes folder say; blank means "not given".
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PluginTestExtension.class)
public @interface PluginTest {

    /** @return the compiled plugin, relative to the working directory (Maven: the module's folder) */
    String classes() default "target/classes";

    /** @return the {@code Plugin-Id}, if not in the classes folder */
    String id() default "";

    /** @return the {@code Plugin-Version}, if not in the classes folder */
    String version() default "";

    /** @return the {@code Plugin-Class}, if not in the classes folder */
    String pluginClass() default "";

    /** @return false to test a plugin that must fail or be refused */
    boolean requireStarted() default true;

    /** @return true to fail on any warning of the plugin verifier or the host ({@link PluginHarnessBuilder#strict}) */
    boolean strict() default false;
}
