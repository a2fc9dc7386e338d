package io.plugboard.sample;

/** The demo shop's single page; every dynamic value is HTML-escaped, and no style or script is inline (CSP). */
final class DemoPage {

    private DemoPage() {}

    /** @param plugboard where the embedded Plugboard is: its base path, {@code ""} at the root */
    static String render(String plugboard, String notice, String error) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sample Shop</title>
                <link rel="stylesheet" href="%1$s/plugboard/static/admin.css">
                <link rel="stylesheet" href="/shop/shop.css">
                </head><body>
                <header class="topbar"><span class="brand">Sample Shop</span>
                <span class="version"><a href="%1$s/admin" class="shop-admin-link">Plugboard admin</a></span></header>
                <main id="main" class="shop-main">
                <h1>A demo shop that emits events</h1>
                <p>Each form below emits a real event through the embedded Plugboard host. Add a webhook in the
                <a href="%1$s/admin/webhooks">admin</a> to receive them. The <a href="/customer">customer area</a>
                shows how each of your customers gets their own endpoints and portal.</p>
                %2$s%3$s
                <section class="card"><h2>Checkout</h2>
                <form method="post" action="/demo/checkout" class="form">
                <div class="field"><label for="c-name">Name</label><input id="c-name" name="name" value="Ada Lovelace"></div>
                <div class="field"><label for="c-email">Email</label><input id="c-email" name="email" value="ada@example.com"></div>
                <div class="field"><label for="c-amount">Amount (EUR)</label><input id="c-amount" name="amount" value="19.90" inputmode="decimal"></div>
                <button type="submit" class="primary">Pay</button> <span class="muted">emits <code>payment_received</code></span>
                </form></section>
                <section class="card"><h2>Sign up</h2>
                <form method="post" action="/demo/signup" class="form">
                <div class="field"><label for="s-name">Name</label><input id="s-name" name="name" value="Grace Hopper"></div>
                <div class="field"><label for="s-email">Email</label><input id="s-email" name="email" value="grace@example.com"></div>
                <button type="submit" class="primary">Create account</button> <span class="muted">emits <code>account_created</code></span>
                </form></section>
                </main></body></html>
                """.formatted(plugboard,
                notice == null ? "" : "<div class=\"flash\" role=\"status\">" + escape(notice) + "</div>",
                error == null ? "" : "<div class=\"error-summary\" role=\"alert\"><p>" + escape(error) + "</p></div>");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
