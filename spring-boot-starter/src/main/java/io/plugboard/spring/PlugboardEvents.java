package io.plugboard.spring;

import io.plugboard.host.Plugboard;
import io.plugboard.sdk.InvalidEventException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emits the application's events, inside the current Spring transaction when there is one: called from
 * a {@code @Transactional} method, the event is written on that transaction's connection (the
 * transactional outbox), so it exists, and is sent, only if the transaction commits; a rollback leaves
 * no event. Outside a transaction it emits on its own, like {@link Plugboard#events()}.
 *
 * <p>Joining a transaction needs the host's tables in the application's database (the starter's
 * default when the application has a {@link DataSource}); otherwise every emit is on its own.
 */
public class PlugboardEvents {

    private final Plugboard host;
    private final DataSource dataSource;
    private final SQLExceptionTranslator translator;

    /**
     * @param host the running host
     * @param dataSource the application's data source the host keeps its tables in, or null if it keeps its own
     */
    public PlugboardEvents(Plugboard host, DataSource dataSource) {
        this.host = host;
        this.dataSource = dataSource;
        this.translator = dataSource == null ? null : new SQLErrorCodeSQLExceptionTranslator(dataSource);
    }

    /**
     * Emits an event (source {@code app}), in the current transaction if there is one.
     *
     * @param type the key of a registered event type
     * @param data the event's data
     * @return the new event's id
     * @throws InvalidEventException if the type is unknown or the data is refused (nothing is written)
     * @throws org.springframework.dao.DataAccessException if writing on the transaction's connection fails
     * @throws IllegalStateException if the current transaction is not on the host's data source, so that
     *     the event could not be part of it
     */
    public String emit(String type, Map<String, ?> data) {
        if (dataSource == null || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return host.events().emit(type, data);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("the current transaction is not on the DataSource Plugboard uses,"
                        + " so '" + type + "' cannot be part of it; run it with that DataSource's transaction manager");
            }
            return host.emitInTransaction(connection, type, data);
        } catch (SQLException e) {
            DataAccessException translated = translator.translate("emit " + type, null, e);
            throw translated != null ? translated : new UncategorizedSQLException("emit " + type, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
