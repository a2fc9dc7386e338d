package io.plugboard.samples.shop;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The shop's own HTTP API, on the application's server: {@code POST /orders?customer=…&total_cents=…}. */
@RestController
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> place(@RequestParam("customer") String customer, @RequestParam("total_cents") long totalCents) {
        return Map.of("order_id", orders.placeOrder(customer, totalCents));
    }
}
