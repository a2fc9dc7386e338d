package io.plugboard.samples.shop;

import io.plugboard.spring.PlugboardEvents;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places orders: the order row and its {@code order_placed} event commit together, or neither does. */
@Service
public class OrderService {

    private final JdbcClient db;
    private final PlugboardEvents events;

    OrderService(JdbcClient db, PlugboardEvents events) {
        this.db = db;
        this.events = events;
    }

    /** Stores the order and emits {@code order_placed} in one transaction. @return the order's id */
    // snippet:place-order
    @Transactional
    public String placeOrder(String customer, long totalCents) {
        String id = "ord_" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("INSERT INTO orders (id, customer, total_cents) VALUES (?, ?, ?)")
                .params(id, customer, totalCents).update();
        events.emit("order_placed", Map.of("order_id", id, "customer", customer, "total_cents", totalCents));
        return id;                                      // committed: the order and its event, or neither
    }
    // end:place-order

    /**
     * Stores an order and emits its event, then fails (a payment refused after the fact): the
     * transaction rolls back, so neither the order nor the event exist and nothing is sent.
     */
    @Transactional
    public String placeOrderThenFail(String customer, long totalCents) {
        String id = placeOrder(customer, totalCents);
        throw new PaymentRefusedException("payment refused for " + id);
    }

    /** @return how many orders are stored for the customer */
    public long ordersOf(String customer) {
        return db.sql("SELECT COUNT(*) FROM orders WHERE customer = ?").param(customer).query(Long.class).single();
    }

    /** Why {@link #placeOrderThenFail} fails. */
    public static class PaymentRefusedException extends RuntimeException {
        PaymentRefusedException(String message) {
            super(message);
        }
    }
}
