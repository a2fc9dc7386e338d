package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.Threads;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a plugin's own code (its constructor and {@code start()}, its {@code stop()}) on a thread of
 * its own, {@code plugboard-plugin-<id>-<what>}, and waits for it at most a time limit. A plugin that
 * never returns then holds up only that thread: the caller goes on (and releases the plugin lock), the
 * thread is interrupted once and left behind as a daemon, and nothing waits for it again. Everything
 * it throws, {@link Error}s included, is caught on that thread and handed back.
 */
final class PluginCalls {

    /** A plugin's code, which may throw anything. */
    interface PluginCode {
        void run() throws Exception;
    }

    /** What is called; a start is given up at once when the host closes, a stop is still waited for. */
    enum Call {
        START("start", "started", true), STOP("stop", "stopped", false);

        final String label;
        final String done;
        final boolean abandonedOnClose;

        Call(String label, String done, boolean abandonedOnClose) {
            this.label = label;
            this.done = done;
            this.abandonedOnClose = abandonedOnClose;
        }
    }

    /** How one call ended. */
    enum Ending { RETURNED, THREW, TIMED_OUT, ABANDONED }

    /** @param error what the code threw (for {@code THREW}), else null */
    record Outcome(Ending ending, Throwable error) {
        boolean returned() {
            return ending == Ending.RETURNED;
        }

        /** @return true if the plugin hung or threw an {@link Error}: not to be tried again blindly */
        boolean dangerous() {
            return ending == Ending.TIMED_OUT || error instanceof Error;
        }

        /** @return why the call did not return, as an admin reads it, e.g. {@code did not start within 30 s} */
        String reason(Call call, Duration limit) {
            return switch (ending) {
                case RETURNED -> null;
                case TIMED_OUT -> "did not " + call.label + " within " + PluginTimeLimits.text(limit);
                case ABANDONED -> "was not " + call.done + ": the host is shutting down";
                case THREW -> "failed to " + call.label + (error instanceof Error ? " with " + named(error) : ": "
                        + Reasons.describe(error));
            };
        }

        private static String named(Throwable error) {
            String name = error.getClass().getSimpleName();
            String text = Reasons.describe(error);
            return text.equals(name) ? name : name + ": " + text;
        }
    }

    private final Set<CompletableFuture<Throwable>> waiting = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /**
     * @param loader the plugin's class loader, the thread's context class loader while it runs
     * @return how the code ended; {@code ABANDONED} for a start if the host began to close before it did
     */
    Outcome run(String pluginId, Call call, Duration limit, ClassLoader loader, PluginCode code) {
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        if (call.abandonedOnClose) {
            waiting.add(done); // before looking at the flag: abandonStarts() sees it or we see the flag
            if (closing) {
                waiting.remove(done);
                return new Outcome(Ending.ABANDONED, null);
            }
        }
        Thread thread = Threads.daemon("plugboard-plugin-" + pluginId + "-" + call.label).newThread(() -> {
            try {
                code.run();
                done.complete(null);
            } catch (Throwable t) { // an Error in a plugin must not end this thread unseen, nor reach the host
                done.complete(t);
            }
        });
        thread.setContextClassLoader(loader);
        try {
            thread.start();
            Throwable error = done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(error == null ? Ending.RETURNED : Ending.THREW, error);
        } catch (TimeoutException e) {
            thread.interrupt(); // a polite nudge; whether it ends is the plugin's business
            return new Outcome(Ending.TIMED_OUT, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return new Outcome(Ending.ABANDONED, null);
        } catch (ExecutionException | CancellationException e) {
            thread.interrupt();
            return new Outcome(Ending.ABANDONED, null);
        } finally {
            waiting.remove(done);
        }
    }

    /** The host is closing: starts under way stop being waited for, and no new one begins. */
    void abandonStarts() {
        closing = true;
        waiting.forEach(f -> f.cancel(false));
    }
}
