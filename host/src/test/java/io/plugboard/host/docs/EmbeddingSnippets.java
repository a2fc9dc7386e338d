package io.plugboard.host.docs;

import com.zaxxer.hikari.HikariDataSource;
import io.plugboard.host.AdminAuthenticator;
import io.plugboard.host.AdminPrincipal;
import io.plugboard.host.AdminSection;
import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import io.plugboard.host.PlugboardBuilder;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.hooks.CoreHooks;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The Java snippets of docs/embedding.md, compiled here: each region between {@code // snippet:NAME}
 * and {@code // end:NAME} is a code block of the document, word for word ({@link TestDocSnippets}
 * compares them), so a snippet that no longer compiles fails the build. The methods are not run;
 * their parameters stand for what the surrounding prose assumes (a started host, the data folder, …).
 */
@SuppressWarnings({"unused", "resource"})
final class EmbeddingSnippets {

    private EmbeddingSnippets() {}

    static void minimalHost() {
        // snippet:minimal-host
        try (Plugboard host = Plugboard.builder()
                .pluginsDir(Path.of("plugins"))
                .dataDir(Path.of("data"))
                .port(8080)
                .eventType(EventType.builder("order_placed")
                        .name("Order placed")
                        .sample("{\"order_id\":\"ord_1\",\"total\":\"12.50\"}")
                        .build())
                .build()
                .start()) {
            String id = host.events().emit("order_placed", Map.of("order_id", "ord_42", "total", "99.00"));
            // ... run the application; close() is called when the block exits
        }
        // end:minimal-host
    }

    static void configurationBinding() throws java.io.IOException {
        // snippet:configuration-binding
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("shop.properties"))) {
            props.load(in);
        }
        Plugboard host = Plugboard.builder()
                .fromProperties(props, "plugboard.")   // plugboard.port=9090, plugboard.data-dir=/srv/hooks, …
                .fromEnvironment("PLUGBOARD_")         // PLUGBOARD_PORT, PLUGBOARD_DATA_DIR, … win over the file
                .web(config -> config.routes.get("/", ctx -> ctx.result("shop")))
                .build();
        // end:configuration-binding
    }

    static PlugboardBuilder appEventType() {
        return
        // snippet:app-event-type
        Plugboard.builder()
                .eventType(EventType.builder("order_placed")
                        .name("Order placed")
                        .group("Shop")
                        .description("A customer placed an order.")
                        .sample("{\"order_id\":\"ord_1\",\"total\":\"12.50\"}")
                        .schema("""
                                {"type": "object", "required": ["order_id", "total"],
                                 "properties": {"order_id": {"type": "string"}, "total": {"type": "string"}}}
                                """)
                        .build())
        // end:app-event-type
        ;
    }

    static PlugboardBuilder ownRoutes() {
        return
        // snippet:own-routes
        Plugboard.builder()
                .web(config -> {
                    config.routes.get("/", ctx -> ctx.html("<h1>My shop</h1>"));
                    config.routes.post("/checkout", ctx -> { /* ... */ });
                })
        // end:own-routes
        ;
    }

    static void applications(Plugboard host) {
        // snippet:applications
        String appId = host.ensureApplication("acme", "Acme Inc.");   // once per customer; an existing one is kept
        host.emitFor("acme", "invoice_paid", Map.of("invoice_id", "inv_7")); // reaches only acme's webhooks
        String link = host.portalLink("acme", Duration.ofMinutes(5), false); // single use: send their browser there
        // end:applications
    }

    static void basePath() {
        // snippet:base-path
        Plugboard host = Plugboard.builder()
                .basePath("/plugboard")
                .web(config -> config.routes.get("/", ctx -> ctx.html("<h1>My shop</h1>")))
                .build()
                .start();
        host.baseUrl();   // http://127.0.0.1:8080/plugboard
        // end:base-path
    }

    static void securityHeaders(io.javalin.config.JavalinConfig config, String widget) {
        // snippet:security-headers
        // 1. One route sets its own header; it replaces the default (the host sets its headers before routes run).
        config.routes.get("/widget", ctx -> ctx.header("Content-Security-Policy", "frame-ancestors https://partner.example").html(widget));

        // 2. Your own policy for all your pages:
        Plugboard.builder().contentSecurityPolicy("default-src 'self'; img-src 'self' https://cdn.example.com");

        // 3. No security headers from the host on your pages; you set your own:
        Plugboard.builder().securityHeaders(false);
        // end:security-headers
    }

    static PlugboardBuilder sections() {
        return
        // snippet:sections
        Plugboard.builder()
                .disableSections(AdminSection.UPLOAD, AdminSection.INSPECTOR)   // or plugboard.disabled-sections=upload,inspector
        // end:sections
        ;
    }

    static PlugboardBuilder branding() {
        return
        // snippet:branding
        Plugboard.builder()
                .siteName("Acme Shop")
                .logoUrl("/assets/acme.svg")               // served by your own routes, or an https:// URL
                .primaryColor("#0f766e")                   // #rgb or #rrggbb only
                .stylesheet("/assets/plugboard-extra.css") // linked after the admin's own stylesheet
                .footer("Acme Shop · operations: ops@example.com")
        // end:branding
        ;
    }

    /** A user of the shop, as the shop's session store knows it. */
    record ShopUser(String email, boolean isStaff, boolean isOwner) {}

    /** The shop's session store. */
    interface ShopSessions {
        Optional<ShopUser> find(String sessionId);
    }

    static void appLogin(ShopSessions shopSessions) {
        // snippet:app-login
        // Trust the shop's own session cookie: staff only; owners administer, the others look.
        AdminAuthenticator shopSession = request -> request.cookie("shop_session")
                .flatMap(shopSessions::find)                       // your session store
                .filter(ShopUser::isStaff)
                .map(user -> user.isOwner() ? AdminPrincipal.admin(user.email()) : AdminPrincipal.viewer(user.email()));

        // Or an SSO proxy's headers, trusted only when the request comes from the proxy itself.
        AdminAuthenticator sso = request -> !request.remoteAddress().equals("10.0.0.5") ? Optional.empty()
                : request.header("X-Forwarded-User").map(user ->
                        List.of(request.header("X-Forwarded-Groups").orElse("").split(",")).contains("plugboard-admins")
                                ? AdminPrincipal.admin(user) : AdminPrincipal.viewer(user));

        Plugboard host = Plugboard.builder()
                .authenticator(shopSession)
                .ownLogin(false)                                   // optional: no second login at all
                .loginUrl("/login?next={next}")                    // where strangers go instead
                .logoutUrl("/logout")                              // the top bar's "Log out"
                .build();
        // end:app-login
    }

    static PlugboardBuilder allowTargets() {
        return
        // snippet:allow-targets
        Plugboard.builder()
                .allowTarget("localhost")           // a host name: exact, ignoring case
                .allowTarget("127.0.0.0/8")         // an address range
                .allowTarget("10.1.2.7")            // a single address
                // or, for development only, no guard at all:
                // .allowPrivateTargets(true)
        // end:allow-targets
        ;
    }

    static void emitting(Plugboard host) {
        // snippet:emitting
        EventEmitter events = host.events();

        String id = events.emit("order_placed", Map.of("order_id", "ord_42", "total", "99.00"));

        String id2 = events.emitJson("order_placed", "{\"order_id\":\"ord_43\",\"total\":\"5.00\"}");
        // end:emitting
    }

    /** An order of the shop. */
    record Order(String id, String total) {}

    static void emitOnce(Plugboard host, Order order) {
        // snippet:emit-once
        String id = host.emitOnce("order-" + order.id() + "-placed", "order_placed",
                Map.of("order_id", order.id(), "total", order.total()));
        // end:emit-once
    }

    static void hooks(Plugboard host, Consumer<String> alertsSend) {
        var alerts = new Object() {
            void send(String text) {
                alertsSend.accept(text);
            }
        };
        // snippet:hooks
        // Add the tenant to every outgoing order, before it is signed.
        host.hooks().addFilter(CoreHooks.OUTGOING_PAYLOAD, p -> p.eventType().equals("order_placed")
                ? p.withData(p.data().with("tenant", "acme")) : p);
        // Be told when a delivery has failed for good (runs on the host's hook thread).
        host.hooks().addAction(CoreHooks.DELIVERY_FAILED, d -> alerts.send("delivery " + d.deliveryId() + " failed"));
        // end:hooks
    }

    static void outboxOnSqlite(Plugboard host, Path dataDir) throws SQLException {
        // snippet:outbox-sqlite
        Path db = dataDir.resolve("plugboard.db");              // the same dataDir as the builder's
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");       // wait for the host's writes instead of failing
            }
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO shop_orders (id, total) VALUES (?, ?)")) {   // your first statement writes
                    insert.setString(1, "ord_42");
                    insert.setString(2, "99.00");
                    insert.executeUpdate();
                }
                host.emitInTransaction(c, "order_placed", Map.of("order_id", "ord_42", "total", "99.00"));
                c.commit();                                     // now, and only now, the event will be sent
            } catch (SQLException | RuntimeException e) {
                c.rollback();                                   // no order, no event, no delivery
                throw e;
            }
        }
        // end:outbox-sqlite
    }

    static void insertOrder(Connection c, String id) {}

    static void appDatabase(HikariDataSource shopPool) throws SQLException {
        // snippet:app-database
        // shopPool: the application's pool (a HikariDataSource, say), SQLite or PostgreSQL
        Plugboard host = Plugboard.builder()
                .dataSource(shopPool, "plugboard")              // PostgreSQL: the host's tables in schema plugboard
                .build().start();

        try (Connection c = shopPool.getConnection()) {
            c.setAutoCommit(false);
            insertOrder(c, "ord_42");                           // your table, in your schema
            host.emitInTransaction(c, "order_placed", Map.of("order_id", "ord_42"));
            c.commit();                                         // the order and its event, or neither
        }
        // end:app-database
    }

    static void deliverySettings() {
        // snippet:delivery-settings
        DeliverySettings delivery = DeliverySettings.defaults().toBuilder()
                .retrySchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(1)))
                .maxInFlightPerWebhook(4)
                .retention(Duration.ofDays(7))
                .build();

        Plugboard host = Plugboard.builder()
                .dataDir(Path.of("data"))
                .delivery(delivery)
                .build()
                .start();
        // end:delivery-settings
    }

    static void sharedPostgresql() {
        // snippet:shared-postgresql
        Plugboard host = Plugboard.builder()
                .database("jdbc:postgresql://db.internal:5432/plugboard", "plugboard", System.getenv("PLUGBOARD_DATABASE_PASSWORD"))
                .instanceId("web-1")
                .pluginsDir(Path.of("plugins"))
                .build()
                .start();
        // end:shared-postgresql
    }
}
