package io.plugboard.sdk;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One database transaction of a plugin, opened by {@link PluginContext#transaction}: the plugin's own
 * SQL and the events it emits here are committed together, or not at all.
 *
 * <p>Events emitted through {@link #emit} and {@link #emitJson} are validated like
 * {@link EventEmitter}'s and written with their deliveries on this transaction's connection; they are
 * sent only after the commit. Use it only on the thread that runs the work, and only until the work
 * returns. Inside a transaction, emit through it, not through {@link PluginContext#events()}.
 */
public interface Transaction {

    /**
     * The transaction's JDBC connection, for the plugin's own tables ({@code p_<plugin id>_…}). The host
     * commits or rolls back: {@code commit}, {@code rollback} and {@code setAutoCommit} are refused, and
     * {@code close} does nothing (so try-with-resources is harmless).
     *
     * @return the connection, valid until the work returns
     */
    Connection connection();

    /**
     * Runs one {@code INSERT}, {@code UPDATE}, {@code DELETE} (or DDL) statement with bound parameters.
     *
     * @param sql the statement, with a {@code ?} per parameter
     * @param params the parameters, bound in order with {@code setObject}
     * @return the number of rows changed
     * @throws TransactionException wrapping the {@link SQLException}
     */
    int execute(String sql, Object... params);

    /**
     * Runs a query with bound parameters and maps each row.
     *
     * @param sql the query, with a {@code ?} per parameter
     * @param rows turns the current row of the result into a value; it must not move the cursor
     * @param params the parameters, bound in order with {@code setObject}
     * @return one value per row, in the result's order
     * @throws TransactionException wrapping the {@link SQLException}
     */
    <T> List<T> query(String sql, RowMapper<T> rows, Object... params);

    /**
     * Emits an event in this transaction; see {@link EventEmitter#emit}.
     *
     * @return the new event's id, {@code evt_…}, which exists only once the transaction commits
     * @throws InvalidEventException if the type is unknown or the data is refused; nothing is written then
     */
    String emit(String type, Map<String, ?> data);

    /**
     * Emits an event whose data is JSON text in this transaction; see {@link EventEmitter#emitJson}.
     *
     * @return the new event's id, {@code evt_…}, which exists only once the transaction commits
     * @throws InvalidEventException if the type is unknown or the data is refused; nothing is written then
     */
    String emitJson(String type, String dataJson);

    /**
     * Emits an event whose data is a JSON object in this transaction; see {@link EventEmitter#emit(String,
     * io.plugboard.sdk.json.JsonObject)}.
     *
     * @return the new event's id, {@code evt_…}
     * @throws InvalidEventException if the type is unknown or the data does not match its schema
     */
    default String emit(String type, io.plugboard.sdk.json.JsonObject data) {
        return emitJson(type, data.toJson());
    }

    /** Turns the current row of a {@link ResultSet} into a value. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
