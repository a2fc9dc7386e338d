package io.plugboard.samples.shop;

import io.plugboard.sdk.EventType;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A tiny shop that embeds Plugboard with the Spring Boot starter: its orders live in its own
 * DataSource, beside Plugboard's tables, and each placed order emits {@code order_placed} in the same
 * transaction. Plugboard's admin answers on its own port ({@code plugboard.port}).
 */
@SpringBootApplication
public class ShopApplication {

    /** The event type the shop emits; the starter registers every EventType bean with the host. */
    // snippet:event-type-bean
    @Bean
    EventType orderPlaced() {
        return EventType.builder("order_placed")
                .name("Order placed")
                .description("A customer placed an order in the shop.")
                .group("Shop")
                .sample("{\"order_id\": \"ord_42\", \"customer\": \"ada@example.com\", \"total_cents\": 4200}")
                .build();
    }
    // end:event-type-bean

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
