package io.plugboard.host.internal.inbound;

import java.util.Locale;
import org.jdbi.v3.core.statement.Query;

/** The filter of an inbound webhook search as SQL: the WHERE clause and its bound parameters. */
final class InboundSearch {

    private InboundSearch() {}

    /** @return {@code " WHERE 1 = 1"} plus one condition per filter the query sets */
    static String where(InboundQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND LOWER(name) LIKE :text ESCAPE '\\'");
        }
        if (q.state() != null) {
            where.append(" AND state = :state");
        }
        if (q.receiverId() != null && !q.receiverId().isBlank()) {
            where.append(" AND receiver_id = :receiver");
        }
        return where.toString();
    }

    /** Binds the parameters {@link #where} names; the text is matched literally, wildcards escaped. */
    static Query bind(Query query, InboundQuery q) {
        if (q.text() != null && !q.text().isBlank()) {
            String escaped = q.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.bind("text", "%" + escaped + "%");
        }
        if (q.state() != null) {
            query.bind("state", q.state().name());
        }
        if (q.receiverId() != null && !q.receiverId().isBlank()) {
            query.bind("receiver", q.receiverId());
        }
        return query;
    }
}
