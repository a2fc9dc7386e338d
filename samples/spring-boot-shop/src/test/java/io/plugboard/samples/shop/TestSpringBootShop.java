package io.plugboard.samples.shop;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The shop on a SQLite file: its orders and Plugboard's tables in one file, through one pool. */
class TestSpringBootShop extends ShopScenario {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:sqlite:" + dir.resolve("shop.db") + "?journal_mode=WAL");
        plugboardProperties(properties, dir.resolve("plugboard-data").toString());
    }
}
