package io.plugboard.host.internal.auth;

import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.ValidationException;
import java.time.Clock;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.storage.Dialect;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Admin accounts (with their {@link Role}): creation with validated names and passwords, and password checks. */
public final class AdminUsers {

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 200;

    /** A signed-in account. */
    public record AdminUser(String id, String username, Role role) {}

    /** An account as lists show it. */
    public record Account(String id, String username, String role, Instant createdAt) {}

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Ids ids;
    private final Clock clock;
    private final PasswordHashing hashing;

    public AdminUsers(Jdbi jdbi, Dialect dialect, Ids ids, Clock clock, PasswordHashing hashing) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.ids = ids;
        this.clock = clock;
        this.hashing = hashing;
    }

    public boolean any() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_users").mapTo(Long.class).one()) > 0;
    }

    /** @throws ValidationException saying what is wrong with the name or the password */
    public AdminUser create(String username, String password, Role role) {
        String name = validate(username, password);
        if (find(name).isPresent()) {
            throw ValidationException.of("username", "an admin named '" + name + "' already exists");
        }
        AdminUser user = new AdminUser(ids.next("usr"), name, role);
        String hash = hashing.hash(password);
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO admin_users (id, username, password_hash, role, created_at) "
                        + "VALUES (:id, :name, :hash, :role, :at)")
                .bind("id", user.id()).bind("name", name).bind("hash", hash).bind("role", role.key())
                .bind("at", clock.millis())
                .execute());
        return user;
    }

    private static String validate(String username, String password) {
        String name = username == null ? "" : username.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            errors.put("username", "user name must be 1 to 64 letters, digits or . _ @ -");
        }
        passwordProblem(password).ifPresent(p -> errors.put("password", p));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return name;
    }

    static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of("password must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        return Optional.empty();
    }

    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, username, role, created_at FROM admin_users ORDER BY username")
                .map((rs, ctx) -> new Account(rs.getString("id"), rs.getString("username"),
                        Role.stored(rs.getString("role")).key(), Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    /** Replaces the password's hash; the caller has checked the current one (see {@link AccountChanges}). */
    void setPassword(String userId, String password) {
        String hash = hashing.hash(password);
        jdbi.useTransaction(h -> h.createUpdate("UPDATE admin_users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash).bind("id", userId).execute());
    }

    /**
     * Deletes an account (its sessions go with it), but never the last one with the admin role, so
     * someone can always change things. The count is checked in the
     * deleting statement; on PostgreSQL every admin row is locked first, because two instances
     * deleting two different admins at once would each count the other's row (read committed) and
     * leave none. SQLite runs one writer at a time, so the one statement is enough there.
     *
     * @return false if it was the last admin
     * @throws NotFoundException if no admin has the name
     */
    boolean deleteUnlessLast(String username) {
        if (find(username).isEmpty()) {
            throw new NotFoundException("no admin is named '" + username + "'");
        }
        return jdbi.inTransaction(h -> {
            if (!dialect.lockRows().isEmpty()) {
                h.createQuery("SELECT id FROM admin_users ORDER BY id" + dialect.lockRows()).mapTo(String.class).list();
            }
            return h.createUpdate("DELETE FROM admin_users WHERE username = :name AND (role <> 'admin' "
                            + "OR (SELECT COUNT(*) FROM admin_users WHERE role = 'admin') > 1)")
                    .bind("name", username).execute();
        }) == 1;
    }

    /** @return the admin, if the name exists and the password matches */
    public Optional<AdminUser> verify(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Optional<Map.Entry<AdminUser, String>> found = jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, username, role, password_hash FROM admin_users WHERE username = :name")
                .bind("name", username.strip())
                .map((rs, ctx) -> Map.entry(user(rs), rs.getString("password_hash")))
                .findOne());
        if (found.isEmpty()) {
            // Hash anyway, so an unknown name takes as long as a wrong password (no user enumeration).
            hashing.matchNothing(password);
            return Optional.empty();
        }
        return found.filter(e -> PasswordHashing.matches(password, e.getValue())).map(Map.Entry::getKey);
    }

    /**
     * Creates the first admin, atomically: refused (empty) if any admin exists by then, so two setup
     * forms sent at once cannot both succeed.
     *
     * @throws ValidationException saying what is wrong with the name or the password
     */
    public Optional<AdminUser> createFirst(String username, String password) {
        String name = validate(username, password);
        AdminUser user = new AdminUser(ids.next("usr"), name, Role.ADMIN);
        String hash = hashing.hash(password);
        int rows = jdbi.inTransaction(h -> h.createUpdate("INSERT INTO admin_users (id, username, password_hash, "
                        + "created_at) SELECT :id, :name, :hash, :at WHERE NOT EXISTS (SELECT 1 FROM admin_users)")
                .bind("id", user.id()).bind("name", name).bind("hash", hash).bind("at", clock.millis())
                .execute());
        return rows == 1 ? Optional.of(user) : Optional.empty();
    }

    /** @return the admin with exactly this name */
    public Optional<AdminUser> byName(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, username, role FROM admin_users WHERE username = :name")
                .bind("name", username == null ? "" : username.strip())
                .map((rs, ctx) -> user(rs)).findOne());
    }

    private static AdminUser user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AdminUser(rs.getString("id"), rs.getString("username"), Role.stored(rs.getString("role")));
    }

    private Optional<String> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM admin_users WHERE username = :name")
                .bind("name", username).mapTo(String.class).findOne());
    }
}
