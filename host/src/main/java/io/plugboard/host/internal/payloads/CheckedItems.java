package io.plugboard.host.internal.payloads;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Lists and objects as a template loops over them, checking the render's deadline at every turn: a
 * loop whose body writes nothing (nested {@code each} over the same array) would otherwise never
 * reach a check.
 */
final class CheckedItems {

    private CheckedItems() {}

    /** @return the value itself, or, if it is iterable, a view whose iterator checks the deadline */
    static Object of(Object value, RenderBudget budget) {
        if (value instanceof Iterable<?> items) {
            Iterable<Object> checked = () -> checked(items.iterator(), budget);
            return checked;
        }
        return value;
    }

    /** @return the entries of an object, iterated with the same checks */
    static <T> Set<T> entries(Set<T> entries, RenderBudget budget) {
        return new AbstractSet<>() {
            @Override
            public Iterator<T> iterator() {
                return checked(entries.iterator(), budget);
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    private static <T> Iterator<T> checked(Iterator<? extends T> it, RenderBudget budget) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                budget.checkTime();
                return it.next();
            }
        };
    }
}
