package io.plugboard.sample;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.http.Context;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.InvalidEventException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo shop: a fake checkout and a sign-up form whose submissions emit real events through the
 * host, the way an embedding application would from its own code.
 */
final class DemoShop {

    private final Supplier<EventEmitter> events;
    private final String plugboard;

    /** @param plugboard the base path Plugboard is under ({@code ""} at the root), for the page's links to the admin */
    DemoShop(Supplier<EventEmitter> events, String plugboard) {
        this.events = events;
        this.plugboard = plugboard;
    }

    /** Serves the shop's stylesheet at {@code /shop/shop.css}. */
    void register(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/shop";
            files.directory = "/shop";
            files.location = Location.CLASSPATH;
        });
        register(config.routes);
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.html(DemoPage.render(plugboard, null, null)));
        routes.post("/demo/checkout", this::checkout);
        routes.post("/demo/signup", this::signup);
    }

    private void checkout(Context ctx) {
        String name = field(ctx, "name");
        String email = field(ctx, "email");
        BigDecimal amount;
        try {
            amount = new BigDecimal(field(ctx, "amount")).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            fail(ctx, "The amount must be a number, e.g. 19.90.");
            return;
        }
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", "cus_" + shortId());
        customer.put("name", name);
        customer.put("email", email);
        String paymentId = "pay_" + shortId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", paymentId);
        data.put("amount", amount.toPlainString());
        data.put("currency", "EUR");
        data.put("method", "card");
        data.put("customer", customer);
        data.put("order_id", "ord_" + shortId());
        data.put("paid_at", now());
        data.put("manage_url", "https://shop.example.com/admin/payments/" + paymentId);
        emit(ctx, "payment_received", data, "Thank you, your payment of " + amount.toPlainString() + " EUR was received.");
    }

    private void signup(Context ctx) {
        String accountId = "acc_" + shortId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id", accountId);
        data.put("name", field(ctx, "name"));
        data.put("email", field(ctx, "email"));
        data.put("plan", "free");
        data.put("signup_source", "demo");
        data.put("created_at", now());
        data.put("manage_url", "https://shop.example.com/admin/accounts/" + accountId);
        emit(ctx, "account_created", data, "Welcome! Your account was created.");
    }

    private void emit(Context ctx, String type, Map<String, Object> data, String message) {
        try {
            String id = events.get().emit(type, data);
            ctx.html(DemoPage.render(plugboard, message + " Event " + id + " (" + type + ") was emitted.", null));
        } catch (InvalidEventException e) {
            fail(ctx, e.getMessage() + (e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems())));
        }
    }

    private void fail(Context ctx, String error) {
        ctx.status(400).html(DemoPage.render(plugboard, null, error));
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
