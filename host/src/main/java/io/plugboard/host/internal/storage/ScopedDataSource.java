package io.plugboard.host.internal.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's {@link DataSource} as the host uses it: each connection it hands out has the
 * host's {@link ConnectionScope} applied, and gets the application's settings back when closed (that
 * is, returned to the application's pool).
 */
final class ScopedDataSource implements DataSource {

    private final DataSource app;
    private final ConnectionScope scope;

    ScopedDataSource(DataSource app, ConnectionScope scope) {
        this.app = app;
        this.scope = scope;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(app.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(app.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        ConnectionScope.Restore restore;
        try {
            restore = scope.apply(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        try {
                            if (!connection.isClosed()) {
                                restore.close();
                            }
                        } finally {
                            connection.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return app.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        app.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        app.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return app.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return app.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return app.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return app.isWrapperFor(type);
    }
}
