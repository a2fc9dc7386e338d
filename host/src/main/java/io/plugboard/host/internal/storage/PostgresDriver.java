package io.plugboard.host.internal.storage;

/**
 * The PostgreSQL JDBC driver is an optional dependency of the host, so an application on SQLite does
 * not carry it. An application configured for PostgreSQL without it is refused at start with the
 * dependency to add, before the pool is built (HikariCP would only say it found no driver for the URL).
 */
final class PostgresDriver {

    static final String CLASS_NAME = "org.postgresql.Driver";

    private PostgresDriver() {}

    /**
     * @param safeUrl the database URL without its query string, for the message
     * @throws IllegalStateException naming the dependency to add when the driver is not on the class path
     */
    static void require(String safeUrl) {
        if (!loadable(PostgresDriver.class.getClassLoader())
                && !loadable(Thread.currentThread().getContextClassLoader())) {
            throw new IllegalStateException(missingMessage(safeUrl));
        }
    }

    /** @return what a start without the driver says */
    static String missingMessage(String safeUrl) {
        return "the database " + safeUrl + " needs the PostgreSQL JDBC driver (" + CLASS_NAME
                + "), which is not on the class path: add the dependency org.postgresql:postgresql to the "
                + "application (its version is managed by io.plugboard:plugboard-bom)";
    }

    private static boolean loadable(ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        try {
            Class.forName(CLASS_NAME, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
