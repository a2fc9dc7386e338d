package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.Transaction;
import io.plugboard.sdk.TransactionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link Transaction} a plugin's work gets: its connection (guarded, see {@link GuardedConnection}),
 * statement helpers, and emits written on the connection; each event written is added to
 * {@code written}, announced by {@link SourceTransactions} after the commit. Usable until the work returns.
 */
final class ConnectionTransaction implements Transaction {

    private final Connection connection;
    private final Connection guarded;
    private final EventService events;
    private final ObjectMapper mapper;
    private final String source;
    private final List<StoredEvent> written;
    private volatile boolean ended;

    ConnectionTransaction(Connection connection, EventService events, ObjectMapper mapper, String source,
                          List<StoredEvent> written) {
        this.connection = connection;
        this.guarded = GuardedConnection.of(connection);
        this.events = events;
        this.mapper = mapper;
        this.source = source;
        this.written = written;
    }

    /** Called when the work returned or threw: a transaction kept beyond it refuses every use. */
    void end() {
        ended = true;
    }

    @Override
    public Connection connection() {
        requireOpen();
        return guarded;
    }

    @Override
    public int execute(String sql, Object... params) {
        requireOpen();
        try (PreparedStatement statement = bound(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new TransactionException("the statement failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> rows, Object... params) {
        requireOpen();
        try (PreparedStatement statement = bound(sql, params); ResultSet result = statement.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (result.next()) {
                out.add(rows.map(result));
            }
            return out;
        } catch (SQLException e) {
            throw new TransactionException("the query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String emit(String type, Map<String, ?> data) {
        requireOpen();
        return write(type, EventData.fromMap(mapper, data));
    }

    /** Converts the object straight to a tree: no text in between, numbers exact. */
    @Override
    public String emit(String type, io.plugboard.sdk.json.JsonObject data) {
        requireOpen();
        return write(type, data == null ? null : io.plugboard.host.internal.common.SdkJson.toNode(data));
    }

    @Override
    public String emitJson(String type, String dataJson) {
        requireOpen();
        return write(type, EventData.fromJson(mapper, dataJson));
    }

    private String write(String type, com.fasterxml.jackson.databind.JsonNode data) {
        try {
            StoredEvent event = events.emitOn(connection, source, type, data);
            written.add(event);
            return event.id();
        } catch (SQLException e) {
            throw new TransactionException("the event could not be written: " + e.getMessage(), e);
        }
    }

    private PreparedStatement bound(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < (params == null ? 0 : params.length); i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("the transaction has ended: use it only inside its work");
        }
    }
}
