-- The shop's own table, migrated by the shop's own Flyway (Spring Boot's, history flyway_schema_history)
-- before Plugboard starts; Plugboard's tables beside it keep their own history, plugboard_schema_history.
CREATE TABLE orders (
    id          VARCHAR(40)  PRIMARY KEY,
    customer    VARCHAR(200) NOT NULL,
    total_cents BIGINT       NOT NULL
);
