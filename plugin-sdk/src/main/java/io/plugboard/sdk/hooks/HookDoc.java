package io.plugboard.sdk.hooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a core hook's reference says about it beyond its Javadoc: when it fires, on which thread, and
 * whether a callback may block there. {@code docs/hooks.md} is generated from these (a host test
 * fails when the file differs), so the reference cannot drift from {@link CoreHooks}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface HookDoc {

    /** @return when the host fires the hook */
    String when();

    /** @return the thread the callbacks run on */
    String thread();

    /** @return whether a callback may block (do I/O, wait) without holding up the host's own work */
    boolean mayBlock();
}
