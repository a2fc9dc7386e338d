package io.plugboard.sample;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.plugboard.host.Plugboard;
import io.plugboard.sdk.InvalidEventException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The shop's "customer area" for one demo customer, showing how a SaaS gives each of its customers their own
 * webhooks: the customer is an application in Plugboard ({@code Plugboard.ensureApplication}), events about
 * them are emitted for it ({@code emitFor}), and *Manage webhooks* sends the browser into the customer portal
 * through a single-use link ({@code portalLink}). In a real product the page sits behind the customer's own
 * sign-in; this demo has none, so anyone reaching the site can open the demo customer's portal.
 */
final class CustomerArea {

    static final String CUSTOMER = "demo-customer";
    static final String NAME = "Demo customer (Ada's Bakery)";

    private final Supplier<Plugboard> host;
    private final String plugboard;

    /** @param plugboard the base path Plugboard is under ({@code ""} at the root) */
    CustomerArea(Supplier<Plugboard> host, String plugboard) {
        this.host = host;
        this.plugboard = plugboard;
    }

    void register(RoutesConfig routes) {
        routes.get("/customer", ctx -> ctx.html(CustomerPage.render(plugboard, CUSTOMER, NAME, null, null)));
        routes.post("/customer/portal", this::openPortal);
        routes.post("/customer/invoice", this::invoice);
    }

    /** Makes sure the customer has an application, then sends the browser into its portal. */
    private void openPortal(Context ctx) {
        Plugboard p = host.get();
        p.ensureApplication(CUSTOMER, NAME);
        ctx.redirect(p.portalLink(CUSTOMER, Duration.ofMinutes(5), false), HttpStatus.SEE_OTHER);
    }

    /** An event about this customer, for their endpoints only. */
    private void invoice(Context ctx) {
        Plugboard p = host.get();
        p.ensureApplication(CUSTOMER, NAME);
        String paymentId = "pay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", CUSTOMER);
        customer.put("name", NAME);
        customer.put("email", "ada@example.com");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", paymentId);
        data.put("amount", "42.00");
        data.put("currency", "EUR");
        data.put("method", "card");
        data.put("customer", customer);
        data.put("order_id", "ord_" + paymentId.substring(4));
        data.put("paid_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("manage_url", "https://shop.example.com/admin/payments/" + paymentId);
        try {
            String id = p.emitFor(CUSTOMER, "payment_received", data);
            ctx.html(CustomerPage.render(plugboard, CUSTOMER, NAME, "Event " + id + " (payment_received) was emitted "
                    + "for " + NAME + ": only their endpoints receive it.", null));
        } catch (InvalidEventException e) {
            ctx.status(400).html(CustomerPage.render(plugboard, CUSTOMER, NAME, null, e.getMessage()));
        }
    }
}
