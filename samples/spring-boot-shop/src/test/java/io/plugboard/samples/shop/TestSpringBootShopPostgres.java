package io.plugboard.samples.shop;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop on PostgreSQL (the URL in {@code -Dplugboard.test.postgres}, as for the host's tests; skipped
 * without it): its orders in a schema of its own, Plugboard's tables in another ({@code plugboard.schema})
 * of the same database, through the shop's pool. Both schemas are dropped when the JVM exits.
 */
@EnabledIfSystemProperty(named = TestSpringBootShopPostgres.URL_PROPERTY, matches = ".+")
class TestSpringBootShopPostgres extends ShopScenario {

    static final String URL_PROPERTY = "plugboard.test.postgres";
    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SHOP_SCHEMA = "shop_" + SUFFIX;
    private static final String PLUGBOARD_SCHEMA = "plugboard_" + SUFFIX;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) throws SQLException {
        String server = System.getProperty(URL_PROPERTY);
        execute(server, "CREATE SCHEMA " + SHOP_SCHEMA);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemas(server), "drop-shop-schemas"));
        String shopUrl = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SHOP_SCHEMA;
        properties.add("spring.datasource.url", () -> shopUrl);
        properties.add("plugboard.schema", () -> PLUGBOARD_SCHEMA);
        plugboardProperties(properties, dir.resolve("plugboard-data").toString());
    }

    private static void dropSchemas(String server) {
        try {
            execute(server, "DROP SCHEMA IF EXISTS " + SHOP_SCHEMA + " CASCADE; DROP SCHEMA IF EXISTS "
                    + PLUGBOARD_SCHEMA + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop the test schemas " + SHOP_SCHEMA + ", " + PLUGBOARD_SCHEMA + ": " + e);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
