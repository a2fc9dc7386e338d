package io.plugboard.plugins.accounts;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sign-ups counted per minute over the last hour. The plugin's scheduled task closes one minute's
 * bucket every minute, so the page can say how many accounts were created in the last hour.
 */
final class SignupWindow {

    private static final int MINUTES = 60;

    private final Deque<Integer> closedMinutes = new ArrayDeque<>();
    private int currentMinute;
    private long total;

    synchronized void signup() {
        currentMinute++;
        total++;
    }

    /** Called once a minute by the plugin's task. */
    synchronized void closeMinute() {
        closedMinutes.addFirst(currentMinute);
        currentMinute = 0;
        if (closedMinutes.size() > MINUTES - 1) {
            closedMinutes.removeLast();
        }
    }

    synchronized long lastHour() {
        return currentMinute + closedMinutes.stream().mapToLong(Integer::longValue).sum();
    }

    synchronized long total() {
        return total;
    }
}
