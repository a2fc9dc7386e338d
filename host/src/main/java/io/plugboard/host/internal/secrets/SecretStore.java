package io.plugboard.host.internal.secrets;

import io.plugboard.host.internal.storage.Columns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code secrets} table: names, encrypted values and dates, per application (a name is unique within its
 * application only). Every statement binds its parameters.
 */
final class SecretStore {

    private final Jdbi jdbi;

    SecretStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return true if the secret is new, false if an existing value was replaced */
    boolean put(String app, String name, String sealed, Instant now) {
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM secrets WHERE app_id = :app AND name = :name").bind("app", app).bind("name", name)
                    .mapTo(Long.class).one() > 0;
            h.createUpdate("INSERT INTO secrets (app_id, name, value, created_at, updated_at) VALUES (:app, :name, :value, :now, :now) "
                            + "ON CONFLICT (app_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
                    .bind("app", app).bind("name", name).bind("value", sealed).bind("now", now.toEpochMilli())
                    .execute();
            return !exists;
        });
    }

    Optional<String> sealed(String app, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT value FROM secrets WHERE app_id = :app AND name = :name").bind("app", app).bind("name", name)
                .mapTo(String.class).findOne());
    }

    List<SecretInfo> list(String app) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name, created_at, updated_at, last_used_at FROM secrets WHERE app_id = :app ORDER BY name").bind("app", app)
                .map((rs, ctx) -> new SecretInfo(rs.getString("name"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at")), Columns.instant(rs, "last_used_at")))
                .list());
    }

    List<String> names(String app) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM secrets WHERE app_id = :app").bind("app", app).mapTo(String.class).list());
    }

    boolean delete(String app, String name) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM secrets WHERE app_id = :app AND name = :name").bind("app", app).bind("name", name).execute()) > 0;
    }

    void touch(String app, String name, Instant at) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE secrets SET last_used_at = :at WHERE app_id = :app AND name = :name").bind("app", app)
                .bind("name", name).bind("at", at.toEpochMilli()).execute());
    }
}
