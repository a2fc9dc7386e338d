package io.plugboard.host.internal.payloads;

import io.plugboard.host.internal.common.ByteSizes;

/**
 * One render's share of the {@link TemplateBudget}: a deadline and an output limit. The render checks
 * it cooperatively (on each write, each value looked up, each loop turn), because a CPU-bound loop
 * cannot be interrupted from outside. Once over budget it remembers why, so the error survives however
 * Handlebars wraps the exception on the way out.
 */
final class RenderBudget {

    /** The key under which helpers find the budget in the template's data. */
    static final String KEY = "plugboard.budget";

    private final TemplateBudget limits;
    private final long deadline;
    private volatile TemplateProblem exceeded;

    RenderBudget(TemplateBudget limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.maxRenderTime().toNanos();
    }

    /** @throws TemplateProblem once the render has run past its time */
    void checkTime() {
        if (exceeded != null) {
            throw exceeded;
        }
        if (System.nanoTime() - deadline > 0) {
            throw fail("template took longer than " + limits.maxRenderTime().toMillis() + " ms");
        }
    }

    /** @throws TemplateProblem if {@code bytes} of output (all of it, or any part of it) exceed the limit */
    void checkSize(long bytes) {
        if (bytes > limits.maxOutputBytes()) {
            throw fail("template output is larger than " + ByteSizes.text(limits.maxOutputBytes()));
        }
    }

    /** @return why the render went over budget, or null if it did not */
    TemplateProblem exceeded() {
        return exceeded;
    }

    private TemplateProblem fail(String message) {
        TemplateProblem p = exceeded;
        if (p == null) {
            p = new TemplateProblem(message);
            exceeded = p;
        }
        return p;
    }
}
