package io.plugboard.host.internal.events;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * A plugin transaction's connection as the plugin sees it: the host ends the transaction, so the calls
 * that would end it (or hand the connection back to the pool under the host) are refused, and
 * {@code close} does nothing, which keeps a try-with-resources around {@code tx.connection()} harmless.
 */
final class GuardedConnection implements InvocationHandler {

    private static final Set<String> REFUSED = Set.of("commit", "rollback", "setAutoCommit", "abort");

    private final Connection target;

    private GuardedConnection(Connection target) {
        this.target = target;
    }

    static Connection of(Connection target) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new GuardedConnection(target));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("close") && method.getParameterCount() == 0) {
            return null;
        }
        // rollback(Savepoint) undoes part of the work and leaves the transaction open: allowed.
        if (REFUSED.contains(name) && !(name.equals("rollback") && method.getParameterCount() == 1)) {
            throw new IllegalStateException(name + " is refused on a plugin transaction's connection: the host "
                    + "commits when the work returns and rolls back when it throws");
        }
        if (name.equals("equals")) {
            return proxy == args[0];
        }
        if (name.equals("hashCode")) {
            return System.identityHashCode(proxy);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
