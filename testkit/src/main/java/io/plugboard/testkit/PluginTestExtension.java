package io.plugboard.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link PluginTest}: starts a {@link PluginHarness} the first time a test
 * method (or its {@code @BeforeEach}) asks for one, and closes it after that test.
 */
public final class PluginTestExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PluginTestExtension.class);
    private static final String KEY = "harness";

    /** Created by JUnit. */
    public PluginTestExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PluginHarness.class && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        PluginHarness harness = store.get(KEY, PluginHarness.class);
        if (harness == null) {
            harness = builder(context).start();
            store.put(KEY, harness);
        }
        return harness;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PluginHarness harness = context.getStore(NAMESPACE).remove(KEY, PluginHarness.class);
        if (harness != null) {
            harness.close();
        }
    }

    private static PluginHarnessBuilder builder(ExtensionContext context) {
        PluginHarnessBuilder builder = PluginHarness.builder();
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PluginTest.class).ifPresent(test -> {
            builder.classes(Path.of(test.classes())).requireStarted(test.requireStarted()).strict(test.strict());
            given(builder, "Plugin-Id", test.id());
            given(builder, "Plugin-Version", test.version());
            given(builder, "Plugin-Class", test.pluginClass());
        });
        return builder;
    }

    private static void given(PluginHarnessBuilder builder, String entry, String value) {
        if (!value.isBlank()) {
            builder.manifestEntry(entry, value);
        }
    }
}
