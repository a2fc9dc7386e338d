package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.outbound.HeadersColumn;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookPage;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.secrets.SealedSettings;
import io.plugboard.host.internal.storage.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads and writes webhooks and their subscriptions. Every statement binds its parameters. */
public final class WebhookStore {

    private static final String COLUMNS = "w.id, w.name, w.url, w.enabled, w.token, w.secret, w.created_at, "
            + "w.updated_at, w.ok_count, w.failed_count, w.last_status, w.last_error, w.last_attempt_at, "
            + "w.previous_secret, w.previous_secret_expires_at, w.disabled_reason, w.disabled_at, "
            + "w.format, w.template, w.headers, w.filter, w.destination_type, w.destination_settings, w.format_settings, w.rate_limit, "
            + "w.client_tls, w.oauth, w.app_id";

    private final Jdbi jdbi;
    private final HeadersColumn headers = new HeadersColumn();
    private final AccessColumns access = new AccessColumns();
    private final SealedSettings sealed;

    /** @param sealed seals the destination's and the format's settings (plugins declare secrets among them) */
    public WebhookStore(Jdbi jdbi, SealedSettings sealed) {
        this.jdbi = jdbi;
        this.sealed = sealed;
    }

    public void insert(Webhook w) {
        insert(w, (h, id) -> {});
    }

    /** @param alsoWrite run in the same transaction, after the webhook's rows (e.g. its plugin field values) */
    void insert(Webhook w, java.util.function.BiConsumer<Handle, String> alsoWrite) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO webhooks (id, name, url, enabled, token, secret, created_at, updated_at, "
                            + "format, template, headers, filter, destination_type, destination_settings, format_settings, rate_limit, "
                            + "client_tls, oauth, app_id) "
                            + "VALUES (:id, :name, :url, :enabled, :token, :secret, :createdAt, :updatedAt, :format, "
                            + ":template, :headers, :filter, :destinationType, :destinationSettings, :formatSettings, :rateLimit, "
                            + ":clientTls, :oauth, :app)")
                    .bind("id", w.id()).bind("name", w.name()).bind("url", urlColumn(w.url())).bind("enabled", w.enabled())
                    .bind("token", w.settings().token()).bind("secret", w.secrets().current())
                    .bind("rateLimit", w.settings().rateLimit()).bind("app", w.appId())
                    .bindMap(payloadParams(w.id(), w.settings()))
                    .bind("createdAt", w.createdAt().toEpochMilli()).bind("updatedAt", w.updatedAt().toEpochMilli())
                    .execute();
            writeEvents(h, w.id(), w.events());
            alsoWrite.accept(h, w.id());
        });
    }

    /** @return false if no webhook has the id */
    public boolean update(String id, WebhookSettings d, Instant updatedAt) {
        return update(id, d, updatedAt, (h, w) -> {});
    }

    /** @param alsoWrite run in the same transaction, after the webhook's rows (e.g. its plugin field values) */
    boolean update(String id, WebhookSettings d, Instant updatedAt, java.util.function.BiConsumer<Handle, String> alsoWrite) {
        return jdbi.inTransaction(h -> {
            // Turning a webhook on clears what turned it off and starts its failure streak afresh.
            int rows = h.createUpdate("UPDATE webhooks SET name = :name, url = :url, enabled = :enabled, "
                            + "token = :token, updated_at = :updatedAt, format = :format, template = :template, "
                            + "headers = :headers, filter = :filter, destination_type = :destinationType, "
                            + "destination_settings = :destinationSettings, format_settings = :formatSettings, rate_limit = :rateLimit, "
                            + "client_tls = :clientTls, oauth = :oauth, "
                            + "disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END, "
                            + "disabled_at = CASE WHEN :enabled THEN NULL ELSE disabled_at END, "
                            + "failing_since = CASE WHEN :enabled AND NOT enabled THEN NULL ELSE failing_since END, "
                            + "consecutive_failures = CASE WHEN :enabled AND NOT enabled THEN 0 "
                            + "ELSE consecutive_failures END WHERE id = :id")
                    .bind("id", id).bind("name", d.name()).bind("url", urlColumn(d.url())).bind("enabled", d.enabled())
                    .bind("token", d.token()).bind("updatedAt", updatedAt.toEpochMilli()).bind("rateLimit", d.rateLimit())
                    .bindMap(payloadParams(id, d))
                    .execute();
            if (rows == 0) {
                return false;
            }
            h.createUpdate("DELETE FROM webhook_events WHERE webhook_id = :id").bind("id", id).execute();
            writeEvents(h, id, d.events());
            alsoWrite.accept(h, id);
            return true;
        });
    }

    /** Makes {@code secret} the signing secret; the current one keeps signing until {@code previousUntil}. */
    public boolean rotateSecret(String id, String secret, Instant previousUntil, Instant now) {
        return jdbi.inTransaction(h -> h.createUpdate("UPDATE webhooks SET previous_secret = secret, "
                        + "previous_secret_expires_at = :until, secret = :secret, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("secret", secret).bind("until", previousUntil.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .execute()) > 0;
    }

    /** @return false if no webhook has the id */
    public boolean delete(String id) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM webhooks WHERE id = :id").bind("id", id).execute()) > 0;
    }

    public Optional<Webhook> find(String id) {
        return jdbi.withHandle(h -> {
            List<Webhook> found = withEvents(h, h.createQuery("SELECT " + COLUMNS + " FROM webhooks w WHERE w.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> row(rs))
                    .list());
            return found.stream().findFirst();
        });
    }

    /** @return every enabled webhook, without its subscriptions: what the dispatcher sends to */
    public List<Webhook> enabled() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhooks w WHERE w.enabled ORDER BY w.id")
                .map((rs, ctx) -> row(rs))
                .list());
    }

    public WebhookPage search(WebhookQuery q) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.app() != null) {
            where.add("w.app_id = :app");
            params.put("app", q.app());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.add("(LOWER(w.name) LIKE :pattern ESCAPE '!' OR LOWER(w.url) LIKE :pattern ESCAPE '!')");
            params.put("pattern", "%" + escapeLike(q.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.enabled() != null) {
            where.add("w.enabled = :enabled");
            params.put("enabled", q.enabled());
        }
        if (q.event() != null && !q.event().isBlank()) {
            where.add("EXISTS (SELECT 1 FROM webhook_events e WHERE e.webhook_id = w.id AND e.event_type = :event)");
            params.put("event", q.event().strip());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM webhooks w" + filter);
            params.forEach(count::bind);
            long total = count.mapTo(Long.class).one();
            Query page = h.createQuery("SELECT " + COLUMNS + " FROM webhooks w" + filter
                    + " ORDER BY w.created_at DESC, w.id DESC LIMIT :limit OFFSET :offset");
            params.forEach(page::bind);
            List<Webhook> rows = page.bind("limit", q.limit()).bind("offset", q.offset())
                    .map((rs, ctx) -> row(rs)).list();
            return new WebhookPage(withEvents(h, rows), total);
        });
    }

    private Map<String, Object> payloadParams(String id, WebhookSettings settings) {
        PayloadSettings p = settings.payload();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("format", p.format());
        params.put("template", p.template());
        params.put("headers", headers.write(p.headers()));
        params.put("filter", p.filter());
        params.put("destinationType", settings.destination().type());
        params.put("destinationSettings", sealedOrNull(destinationPlace(id), settings.destination().settings()));
        params.put("formatSettings", sealedOrNull(formatPlace(id), p.formatSettings()));
        params.put("clientTls", sealedOrNull(tlsPlace(id), access.tlsColumn(settings.access().tls())));
        params.put("oauth", access.oauthColumn(settings.access().oauth()));
        return params;
    }

    private String sealedOrNull(String place, Map<String, String> settings) {
        return settings.isEmpty() ? null : sealed.seal(place, settings);
    }

    /** The column is NOT NULL since V1; a webhook to a plugin's destination has no url. */
    private static String urlColumn(String url) {
        return url == null ? "" : url;
    }

    private static String destinationPlace(String id) {
        return "webhook-destination:" + id;
    }

    private static String tlsPlace(String id) {
        return "webhook-tls:" + id;
    }

    private static String formatPlace(String id) {
        return "webhook-format:" + id;
    }

    private static void writeEvents(Handle h, String webhookId, List<String> events) {
        var batch = h.prepareBatch("INSERT INTO webhook_events (webhook_id, event_type, position) VALUES (:id, :type, :pos)");
        for (int i = 0; i < events.size(); i++) {
            batch.bind("id", webhookId).bind("type", events.get(i)).bind("pos", i).add();
        }
        batch.execute();
    }

    private static List<Webhook> withEvents(Handle h, List<Webhook> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> events = new LinkedHashMap<>();
        rows.forEach(w -> events.put(w.id(), new ArrayList<>()));
        h.createQuery("SELECT webhook_id, event_type FROM webhook_events WHERE webhook_id IN (<ids>) "
                        + "ORDER BY webhook_id, position")
                .bindList("ids", List.copyOf(events.keySet()))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> events.get(e.getKey()).add(e.getValue()));
        return rows.stream().map(w -> w.withEvents(events.get(w.id()))).toList();
    }

    private Webhook row(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        PayloadSettings payload = new PayloadSettings(rs.getString("format"), rs.getString("template"),
                headers.read(rs.getString("headers")), rs.getString("filter"),
                sealed.open(formatPlace(id), rs.getString("format_settings")));
        WebhookDestination destination = new WebhookDestination(rs.getString("destination_type"),
                sealed.open(destinationPlace(id), rs.getString("destination_settings")));
        String url = rs.getString("url");
        return new Webhook(id,
                new WebhookSettings(rs.getString("name"), destination.isHttp() ? url : null, List.of(),
                        rs.getBoolean("enabled"), rs.getString("token"), payload, destination,
                        Columns.decimal(rs, "rate_limit"),
                        new EndpointAccess(access.tls(sealed.open(tlsPlace(id), rs.getString("client_tls"))),
                                access.oauth(rs.getString("oauth")))),
                new WebhookSecrets(rs.getString("secret"), rs.getString("previous_secret"),
                        Columns.instant(rs, "previous_secret_expires_at")),
                new WebhookStats(rs.getLong("ok_count"), rs.getLong("failed_count"), Columns.integer(rs, "last_status"),
                        rs.getString("last_error"), Columns.instant(rs, "last_attempt_at"),
                        rs.getString("disabled_reason"), Columns.instant(rs, "disabled_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getString("app_id"));
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
