package io.plugboard.host;

import io.plugboard.host.internal.auth.PasswordHashing;
import io.plugboard.host.internal.delivery.DeliveryConfig;

/** For tests of the engine's parts: the facade's translation of public settings into internal ones. */
public final class InternalConfigs {

    private InternalConfigs() {}

    public static DeliveryConfig delivery(DeliverySettings settings) {
        return DeliveryConfigs.of(settings);
    }

    /**
     * Makes the host hash new admin passwords cheaply: the suite starts hundreds of hosts, each creating an
     * admin and checking its password, and Argon2id at its standard cost is most of a host's start.
     * Tests of password hashing itself do not use it.
     */
    public static PlugboardBuilder cheapPasswordHashing(PlugboardBuilder builder) {
        builder.draft().passwordHashing = PasswordHashing.cheapForTests();
        return builder;
    }

    /** @return true if the host keeps its data in an SQLite file of its own (no PostgreSQL, no application database) */
    public static boolean ownSqliteFile(PlugboardBuilder builder) {
        return builder.draft().database == null && builder.draft().appDatabase == null;
    }
}
