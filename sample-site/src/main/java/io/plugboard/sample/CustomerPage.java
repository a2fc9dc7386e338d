package io.plugboard.sample;

/** The customer area's page; every dynamic value is HTML-escaped, and no style or script is inline (CSP). */
final class CustomerPage {

    private CustomerPage() {}

    static String render(String plugboard, String uid, String name, String notice, String error) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Customer area · Sample Shop</title>
                <link rel="stylesheet" href="%1$s/plugboard/static/admin.css">
                <link rel="stylesheet" href="/shop/shop.css">
                </head><body>
                <header class="topbar"><span class="brand">Sample Shop</span>
                <span class="version"><a href="/" class="shop-admin-link">Shop</a></span></header>
                <main id="main" class="shop-main">
                <h1>Customer area: %2$s</h1>
                <p>This is what a SaaS shows one of its customers (here <code>%3$s</code>, an application in
                Plugboard). The customer manages their own webhook endpoints in the portal and sees only their own
                deliveries; events emitted for them reach only their endpoints.</p>
                %4$s%5$s
                <section class="card"><h2>Webhooks</h2>
                <form method="post" action="/customer/portal" class="form">
                <button type="submit" class="primary">Manage webhooks</button>
                <span class="muted">opens the customer portal with a single-use link</span>
                </form></section>
                <section class="card"><h2>Try it</h2>
                <form method="post" action="/customer/invoice" class="form">
                <button type="submit">Emit a payment for this customer</button>
                <span class="muted">emits <code>payment_received</code> for this customer only</span>
                </form></section>
                </main></body></html>
                """.formatted(plugboard, DemoPage.escape(name), DemoPage.escape(uid),
                notice == null ? "" : "<div class=\"flash\" role=\"status\">" + DemoPage.escape(notice) + "</div>",
                error == null ? "" : "<div class=\"error-summary\" role=\"alert\"><p>" + DemoPage.escape(error) + "</p></div>");
    }
}
