package io.plugboard.host.internal.delivery;

import io.plugboard.host.testing.Receiver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * When each request reached a {@link Receiver}, in arrival order, and the rate checks over those times:
 * the most arrivals in any window, and the time some of them took.
 */
final class Arrivals {

    record Arrival(long nanos, Receiver.Request request) {}

    private final List<Arrival> all = new ArrayList<>();

    /** @return a receiver script recording each arrival, then answering as {@code reply} says */
    Function<Receiver.Request, Receiver.Reply> recording(Function<Receiver.Request, Receiver.Reply> reply) {
        return r -> {
            synchronized (all) {
                all.add(new Arrival(System.nanoTime(), r));
            }
            return reply.apply(r);
        };
    }

    List<Arrival> list() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    int size() {
        return list().size();
    }

    /** @return the most arrivals within any {@code windowMs} window (each window starting at an arrival) */
    int mostWithin(long windowMs) {
        List<Arrival> times = list();
        int most = 0;
        for (int i = 0; i < times.size(); i++) {
            int j = i;
            while (j < times.size() && times.get(j).nanos() - times.get(i).nanos() < windowMs * 1_000_000) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }

    /** @return milliseconds from arrival {@code from} to arrival {@code to} (indexes from 0) */
    long millisBetween(int from, int to) {
        List<Arrival> times = list();
        return (times.get(to).nanos() - times.get(from).nanos()) / 1_000_000;
    }
}
