package io.plugboard.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver standing in front of PostgreSQL's, so the PostgreSQL probe can see, without touching
 * the host, what each instance's statements cost: per instance (the URL's {@code ApplicationName}) and
 * statement (its first words), how many ran, their time, and how many returned no row.
 */
final class SqlSpy implements Driver {

    private final Driver real;
    private final SqlTally tally;

    private SqlSpy(Driver real, SqlTally tally) {
        this.real = real;
        this.tally = tally;
    }

    /** Puts the spy in front of the driver that serves {@code url}; returns what it counts. */
    static SqlTally install(String url) throws SQLException {
        Driver real = DriverManager.getDriver(url);
        SqlTally tally = new SqlTally();
        DriverManager.deregisterDriver(real);
        DriverManager.registerDriver(new SqlSpy(real, tally));
        return tally;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection c = real.connect(url, info);
        if (c == null) {
            return null;
        }
        String app = url.replaceAll(".*[?&]ApplicationName=([^&]*).*", "$1");
        return wrap(Connection.class, c, (target, m, args) -> {
            Object r = call(target, m, args);
            if (m.getName().equals("prepareStatement") && r instanceof PreparedStatement ps) {
                return statement(ps, app, (String) args[0]);
            }
            return r;
        }, app);
    }

    private PreparedStatement statement(PreparedStatement ps, String app, String sql) {
        String key = SqlTally.key(sql);
        return wrap(PreparedStatement.class, ps, (target, m, args) -> {
            String name = m.getName();
            if (name.startsWith("execute")) {
                long t0 = System.nanoTime();
                Object r = call(target, m, args);
                tally.ran(app, key, System.nanoTime() - t0, r);
                return r instanceof ResultSet rs ? rows(rs, app, key) : r;
            }
            Object r = call(target, m, args);
            return name.equals("getResultSet") && r instanceof ResultSet rs ? rows(rs, app, key) : r;
        }, null);
    }

    private ResultSet rows(ResultSet rs, String app, String key) {
        int[] seen = {0};
        return wrap(ResultSet.class, rs, (target, m, args) -> {
            Object r = call(target, m, args);
            if (m.getName().equals("next")) {
                if (Boolean.TRUE.equals(r)) {
                    seen[0]++;
                } else {
                    tally.rows(app, key, seen[0]);
                }
            }
            return r;
        }, null);
    }

    /** Proxies {@code target}; on a connection ({@code app} set) commits are timed as well. */
    @SuppressWarnings("unchecked")
    private <T> T wrap(Class<T> type, T target, Handler handler, String app) {
        InvocationHandler h = (proxy, m, args) -> {
            if (app != null && m.getName().equals("commit")) {
                long t0 = System.nanoTime();
                Object r = call(target, m, args);
                tally.ran(app, "COMMIT", System.nanoTime() - t0, null);
                return r;
            }
            return handler.invoke(target, m, args);
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private interface Handler {
        Object invoke(Object target, Method m, Object[] args) throws Throwable;
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return real.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return real.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return real.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return real.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.plugboard.bench");
    }
}
