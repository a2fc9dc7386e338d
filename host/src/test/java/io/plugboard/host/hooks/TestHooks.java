package io.plugboard.host.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.hooks.ActionHook;
import io.plugboard.sdk.hooks.CoreHooks;
import io.plugboard.sdk.hooks.EmittedEvent;
import io.plugboard.sdk.hooks.FilterHook;
import io.plugboard.sdk.hooks.Hooks;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hook API itself, through the embedding application's {@code plugboard.hooks()} on a started host. */
class TestHooks {

    private static final FilterHook<String> TEXT = FilterHook.of("test.text", String.class);
    private static final ActionHook<String> SAID = ActionHook.of("test.said", String.class);

    private static TestHost host;
    private static Hooks hooks;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        hooks = host.host().hooks();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void lowerPriorityRunsFirstAndEqualPrioritiesInRegistrationOrder() {
        FilterHook<String> hook = FilterHook.of("test.order", String.class);
        hooks.addFilter(hook, 20, s -> s + "[20]");
        hooks.addFilter(hook, s -> s + "[10a]");
        hooks.addFilter(hook, 5, s -> s + "[5]");
        hooks.addFilter(hook, 10, s -> s + "[10b]");
        hooks.addFilter(hook, -1, s -> s + "[-1]");
        assertThat(hooks.applyFilters(hook, "")).isEqualTo("[-1][5][10a][10b][20]");

        ActionHook<List<String>> action = ActionHook.of("test.order_action", (Class<List<String>>) (Class<?>) List.class);
        hooks.addAction(action, 30, l -> l.add("c"));
        hooks.addAction(action, l -> l.add("a"));
        hooks.addAction(action, 10, l -> l.add("b"));
        List<String> ran = new CopyOnWriteArrayList<>();
        hooks.doAction(action, ran);
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void removeTakesBackOneCallbackAndHasSaysWhetherAnyIsLeft() {
        FilterHook<String> hook = FilterHook.of("test.remove", String.class);
        assertThat(hooks.has(hook)).isFalse();
        assertThat(hooks.applyFilters(hook, "x")).isEqualTo("x");
        Registration a = hooks.addFilter(hook, s -> s + "a");
        Registration b = hooks.addFilter(hook, s -> s + "b");
        assertThat(hooks.has(hook)).isTrue();
        assertThat(hooks.has(ActionHook.of("test.remove", String.class))).isFalse();
        a.remove();
        a.remove();
        assertThat(hooks.applyFilters(hook, "x")).isEqualTo("xb");
        b.remove();
        assertThat(hooks.has(hook)).isFalse();
    }

    @Test
    void anActionAndAFilterOfTheSameNameAreDifferentHooks() {
        FilterHook<String> filter = FilterHook.of("test.twin", String.class);
        ActionHook<String> action = ActionHook.of("test.twin", String.class);
        Registration r = hooks.addFilter(filter, s -> s + "!");
        assertThat(hooks.has(filter)).isTrue();
        assertThat(hooks.has(action)).isFalse();
        assertThat(hooks.has(FilterHook.of("test.twin", Object.class))).as("equal by name").isTrue();
        r.remove();
    }

    @Test
    void aThrowingCallbackIsIsolated() {
        List<String> heard = new CopyOnWriteArrayList<>();
        hooks.addAction(SAID, 1, s -> { throw new IllegalStateException("first one breaks"); });
        hooks.addAction(SAID, 2, heard::add);
        hooks.doAction(SAID, "hello");
        assertThat(heard).containsExactly("hello");

        hooks.addFilter(TEXT, 1, s -> s + "1");
        hooks.addFilter(TEXT, 2, s -> { throw new IllegalArgumentException("breaks"); });
        hooks.addFilter(TEXT, 3, s -> null);
        hooks.addFilter(TEXT, 4, s -> s + "4");
        assertThat(hooks.applyFilters(TEXT, "")).isEqualTo("14");
    }

    @Test
    void aThrowingEventEmittedCallbackDoesNotBreakTheEmit() {
        List<EmittedEvent> heard = new CopyOnWriteArrayList<>();
        Registration bad = hooks.addAction(CoreHooks.EVENT_EMITTED, e -> { throw new IllegalStateException("boom"); });
        Registration good = hooks.addAction(CoreHooks.EVENT_EMITTED, heard::add);
        try {
            Http.Response r = host.http().postJson("/api/v1/events", "{\"type\":\"ping\",\"data\":{\"n\":7}}");
            assertThat(r.status()).isEqualTo(202);
            assertThat(heard).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("ping");
                assertThat(e.source()).isEqualTo("api");
                assertThat(e.data()).isEqualTo("{\"n\":7}");
                assertThat(e.id()).isEqualTo(r.json().get("id").asText());
            });
            host.host().events().emit("ping", Map.of("n", 8));
            assertThat(heard).hasSize(2).last().extracting(EmittedEvent::source).isEqualTo("app");
        } finally {
            bad.remove();
            good.remove();
        }
    }

    @Test
    void aSlowCallbackIsReportedWithItsOwnerAndHook() throws Exception {
        ActionHook<String> slow = ActionHook.of("test.slow", String.class);
        hooks.addAction(slow, s -> sleep(400)); // the slow callback itself, not a wait
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        try {
            hooks.doAction(slow, "x");
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("Slow hook callback: 'app' on action test.slow took").contains("threshold 200 ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes to both streams, so the test's output still shows in the console. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
