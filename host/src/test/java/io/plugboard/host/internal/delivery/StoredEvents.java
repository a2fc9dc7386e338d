package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The events a host left in its database, read straight from it (e.g. after the host was killed), by
 * the marker a crash test put in each event's data ({@code n}), and how many have no delivery.
 */
final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> idsByMarker;
    private final long withoutDelivery;

    private StoredEvents(Map<String, List<String>> idsByMarker, long withoutDelivery) {
        this.idsByMarker = idsByMarker;
        this.withoutDelivery = withoutDelivery;
    }

    /** Reads the database of the host (running or not) started on {@code dataDir}. */
    static StoredEvents read(Path dataDir) throws Exception {
        Map<String, List<String>> byMarker = new HashMap<>();
        try (Connection c = TestHost.connection(dataDir); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, data FROM events ORDER BY id")) {
                while (rs.next()) {
                    String marker = JSON.readTree(rs.getString("data")).path("n").asText();
                    byMarker.computeIfAbsent(marker, m -> new ArrayList<>()).add(rs.getString("id"));
                }
            }
            return new StoredEvents(byMarker, count(s, "SELECT COUNT(*) FROM events e "
                    + "WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)"));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** @return the ids stored with these markers, marker by marker; a marker stored twice shows twice */
    List<String> idsOf(List<String> markers) {
        return markers.stream().flatMap(m -> idsByMarker.getOrDefault(m, List.of()).stream()).toList();
    }

    Set<String> markers() {
        return idsByMarker.keySet();
    }

    /** @return every stored event's id */
    Set<String> ids() {
        return idsByMarker.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    /** @return how many stored events have no delivery (the webhook was subscribed before the first emit) */
    long withoutDelivery() {
        return withoutDelivery;
    }
}
