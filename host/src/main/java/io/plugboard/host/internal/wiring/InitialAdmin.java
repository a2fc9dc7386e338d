package io.plugboard.host.internal.wiring;

import io.plugboard.host.internal.auth.AdminUsers;
import io.plugboard.host.internal.auth.Role;
import io.plugboard.host.internal.config.AdminConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first admin from the configuration ({@code adminUser}), only while there is none; the password is never logged. */
final class InitialAdmin {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private InitialAdmin() {}

    /** Creates the configured admin while there is none; otherwise only says why it was not applied. */
    static void create(AdminConfig config, AdminUsers users) {
        if (config.initialUser() == null) {
            return;
        }
        if (users.any()) {
            boolean exists = users.list().stream().anyMatch(a -> a.username().equals(config.initialUser().strip()));
            log.info("Admins already exist, so the configured admin user (the adminUser option, configuration key admin-user) "
                    + "was not applied: '{}' {}; the configured password is ignored. Change passwords on the admin's "
                    + "Account page", config.initialUser(), exists ? "exists and keeps its password" : "was not created");
            return;
        }
        users.create(config.initialUser(), config.initialPassword(), Role.ADMIN);
        log.info("Created the first admin, '{}'", config.initialUser());
    }
}
