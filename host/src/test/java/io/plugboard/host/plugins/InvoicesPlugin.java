package io.plugboard.host.plugins;

import io.plugboard.host.testing.PluginJar;

/**
 * A plugin built in the test that marks invoices paid and emits {@code invoice.paid} in one
 * transaction ({@code POST /invoices/{id}/pay?mode=…}): {@code commit}, {@code fail} (throws a checked
 * exception after the emit), {@code invalid} (data its schema refuses), {@code plain} (a plain emit inside
 * the transaction); {@code POST /mark/{id}} does the same as {@code commit} through {@code transaction}
 * (no result); {@code POST /emit/{id}} emits without one; {@code GET /heard} counts the
 * {@code event_emitted} firings it heard for its type.
 */
final class InvoicesPlugin {

    static final String ID = "invoices";
    static final String TYPE = "invoice.paid";

    private InvoicesPlugin() {}

    static PluginJar jar() {
        return PluginJar.plugin(ID).manifest("Plugin-Class", "test.invoices.Main")
                .resource("plugboard/migrations/V1__invoices.sql",
                        "CREATE TABLE p_invoices_invoice (id TEXT PRIMARY KEY, paid BOOLEAN NOT NULL);\n")
                .source("test.invoices.Events", """
                        package test.invoices;
                        import io.plugboard.sdk.*;
                        import java.util.List;
                        @org.pf4j.Extension
                        public class Events implements EventTypeProvider {
                            public List<EventType> eventTypes() {
                                return List.of(EventType.builder("invoice.paid").name("Invoice paid")
                                        .sample("{\\"invoice_id\\":\\"inv_1\\"}")
                                        .schema("{\\"type\\":\\"object\\",\\"required\\":[\\"invoice_id\\"],"
                                                + "\\"properties\\":{\\"invoice_id\\":{\\"type\\":\\"string\\"}}}").build());
                            }
                        }
                        """)
                .source("test.invoices.Main", """
                        package test.invoices;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.hooks.CoreHooks;
                        import io.plugboard.sdk.web.JsonResponse;
                        import java.util.Map;
                        import java.util.concurrent.atomic.AtomicInteger;
                        public class Main extends PlugboardPlugin {
                            private final AtomicInteger heard = new AtomicInteger();
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                context().hooks().addAction(CoreHooks.EVENT_EMITTED, e -> {
                                    if (e.type().equals("invoice.paid")) { heard.incrementAndGet(); }
                                });
                                context().routes().get("/heard", r -> JsonResponse.ok("{\\"heard\\":" + heard.get() + "}"));
                                context().routes().post("/emit/{id}", r -> JsonResponse.ok("{\\"event_id\\":\\""
                                        + context().events().emit("invoice.paid", Map.of("invoice_id", r.pathParam("id"))) + "\\"}"));
                                context().routes().post("/mark/{id}", r -> {
                                    String id = r.pathParam("id");
                                    context().transaction(tx -> {
                                        tx.execute("INSERT INTO p_invoices_invoice (id, paid) VALUES (?, ?)", id, true);
                                        tx.emit("invoice.paid", Map.of("invoice_id", id));
                                    });
                                    return JsonResponse.ok("{}");
                                });
                                context().routes().post("/invoices/{id}/pay", r -> {
                                    String id = r.pathParam("id");
                                    String mode = r.queryParam("mode");
                                    try {
                                        String eventId = context().inTransaction(tx -> {
                                            tx.execute("INSERT INTO p_invoices_invoice (id, paid) VALUES (?, ?)", id, false);
                                            tx.execute("UPDATE p_invoices_invoice SET paid = ? WHERE id = ?", true, id);
                                            Object invoiceId = "invalid".equals(mode) ? (Object) 42 : id;
                                            String emitted = "plain".equals(mode)
                                                    ? context().events().emit("invoice.paid", Map.of("invoice_id", id))
                                                    : tx.emit("invoice.paid", Map.of("invoice_id", invoiceId));
                                            if ("fail".equals(mode)) {
                                                throw new java.io.IOException("forced rollback");
                                            }
                                            boolean paid = tx.query("SELECT paid FROM p_invoices_invoice WHERE id = ?",
                                                    row -> row.getBoolean(1), id).get(0);
                                            return paid ? emitted : null;
                                        });
                                        return JsonResponse.ok("{\\"event_id\\":\\"" + eventId + "\\"}");
                                    } catch (InvalidEventException e) {
                                        return JsonResponse.error(422, e.getMessage());
                                    } catch (TransactionException e) {
                                        return JsonResponse.error(500, e.getCause().toString());
                                    } catch (IllegalStateException e) {
                                        return JsonResponse.error(409, e.getMessage());
                                    }
                                });
                            }
                        }
                        """);
    }
}
