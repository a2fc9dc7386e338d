package io.plugboard.host.internal.common;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for the host's background work, so they never keep a JVM alive on their own. */
public final class Threads {

    private Threads() {}

    public static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
