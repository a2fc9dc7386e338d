package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plugin's transaction ({@code PluginContext.inTransaction}) on a real host (SQLite, or PostgreSQL in
 * the suite's PostgreSQL run): its row and its event commit together and the delivery goes out; a
 * throw, or a refused event, leaves neither the row nor the event nor a delivery; transactions and
 * plain emits from several threads at once all finish.
 */
class TestPluginTransactions {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    private Receiver receiver;
    private TestHost host;

    @BeforeEach
    void start() {
        Path plugins = TestHost.tempDir("plugins");
        InvoicesPlugin.jar().writeTo(plugins);
        receiver = new Receiver();
        host = TestHost.start(plugins);
        host.createWebhook("invoices", receiver.url("/paid"), InvoicesPlugin.TYPE);
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        receiver.close();
    }

    @Test
    void aCommittedTransactionStoresTheRowAndTheEventAndDeliversIt() throws Exception {
        String id = invoiceId();
        Http.Response paid = pay(id, "commit");

        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        String eventId = paid.json().get("event_id").asText();
        assertThat(eventId).startsWith("evt_");
        assertThat(paidInvoices(id)).containsExactly(true);
        assertThat(count("SELECT COUNT(*) FROM events WHERE id = ? AND source = 'plugin:invoices'", eventId)).isEqualTo(1);
        assertThat(heard()).as("event_emitted fired after the commit, on the emitting thread").isEqualTo(1);
        Receiver.Request delivered = receiver.next(DELIVERY);
        assertThat(delivered.header("webhook-id")).isEqualTo(eventId);
        assertThat(delivered.bodyText()).contains("\"invoice_id\":\"" + id + "\"");
    }

    @Test
    void aThrowAfterTheEmitRollsBackTheRowAndTheEvent() throws Exception {
        String id = invoiceId();
        Http.Response failed = pay(id, "fail");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).as("a checked exception reaches the plugin wrapped, as its cause")
                .contains("java.io.IOException: forced rollback");
        assertNothingOf(id);
    }

    @Test
    void aRefusedEventRollsBackThePluginsWrite() throws Exception {
        String id = invoiceId();
        Http.Response refused = pay(id, "invalid");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("does not match the schema");
        assertNothingOf(id);
    }

    @Test
    void aPlainEmitInsideTheTransactionIsRefusedAtOnce() throws Exception {
        String id = invoiceId();
        long started = System.nanoTime();
        Http.Response refused = pay(id, "plain");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("inside a plugin transaction", "tx.emit");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not after SQLite's busy timeout")
                .isLessThan(Duration.ofSeconds(5));
        assertNothingOf(id);
    }

    @Test
    void transactionsAndPlainEmitsFromSeveralThreadsAllFinish() throws Exception {
        int threads = 4;
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> results = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int transactions = 0;
        try {
            for (int t = 0; t < threads; t++) {
                for (int r = 0; r < rounds; r++) {
                    String id = invoiceId();
                    ids.add(id);
                    int kind = (t + r) % 4;
                    transactions += kind <= 1 ? 1 : 0;
                    results.add(pool.submit(() -> switch (kind) {
                        case 0 -> pay(id, "commit").status();
                        case 1 -> host.http().postJson("/api/v1/plugins/invoices/mark/" + id, "{}").status();
                        case 2 -> host.http().postJson("/api/v1/plugins/invoices/emit/" + id, "{}").status();
                        default -> {
                            host.host().events().emit(InvoicesPlugin.TYPE, Map.of("invoice_id", id));
                            yield 200;
                        }
                    }));
                }
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        receiver.awaitCount(ids.size(), Duration.ofSeconds(30));
        assertThat(count("SELECT COUNT(*) FROM events WHERE type = ?", InvoicesPlugin.TYPE)).isEqualTo(ids.size());
        assertThat(count("SELECT COUNT(*) FROM p_invoices_invoice WHERE paid = ?", true)).isEqualTo(transactions);
    }

    private void assertNothingOf(String id) throws Exception {
        assertThat(paidInvoices(id)).as("the plugin's row is rolled back").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM events WHERE data LIKE ?", "%" + id + "%")).as("no event").isZero();
        assertThat(count("SELECT COUNT(*) FROM deliveries")).as("no delivery").isZero();
        assertThat(heard()).as("event_emitted is not fired for a rollback").isZero();
        // A committed transaction afterwards is delivered first: nothing of the rolled-back one went out before it.
        String next = invoiceId();
        assertThat(pay(next, "commit").status()).isEqualTo(200);
        assertThat(receiver.next(DELIVERY).bodyText()).contains(next);
        assertThat(receiver.all()).hasSize(1);
    }

    private Http.Response pay(String id, String mode) {
        return host.http().postJson("/api/v1/plugins/invoices/invoices/" + id + "/pay?mode=" + mode, "{}");
    }

    private long heard() {
        return host.http().get("/api/v1/plugins/invoices/heard").json().get("heard").asLong();
    }

    private List<Boolean> paidInvoices(String id) throws SQLException {
        try (Connection c = host.connection();
             PreparedStatement s = c.prepareStatement("SELECT paid FROM p_invoices_invoice WHERE id = ?")) {
            s.setString(1, id);
            List<Boolean> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBoolean(1));
                }
            }
            return out;
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = host.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String invoiceId() {
        return "inv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
