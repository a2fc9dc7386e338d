package io.plugboard.plugins.redisstream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * One pooled {@link RedisClient} per server and credentials, shared by every webhook using them; thread-safe.
 * The timeouts keep a send within about 10 s: 3 s to wait for a pooled connection, 3 s to open one, 4 s for
 * the answer.
 */
final class RedisClients implements AutoCloseable {

    private static final int POOL_SIZE = 16;

    private final Map<RedisStreamSettings.Connection, RedisClient> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @return the client for these settings, created on first use
     * @throws IllegalStateException once closed
     */
    RedisClient client(RedisStreamSettings.Connection connection) {
        if (closed) {
            throw new IllegalStateException("the plugin is stopping");
        }
        return clients.computeIfAbsent(connection, RedisClients::create);
    }

    private static RedisClient create(RedisStreamSettings.Connection connection) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(3_000)
                .socketTimeoutMillis(4_000)
                .ssl(connection.ssl())
                .database(connection.database())
                .clientName("plugboard");
        if (!connection.user().isEmpty()) {
            config.user(connection.user());
        }
        if (!connection.password().isEmpty()) {
            config.password(connection.password());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(Duration.ofSeconds(3));
        // Settings change: a pool nobody uses any more gives its sockets back after a minute.
        pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
        pool.setMinEvictableIdleDuration(Duration.ofMinutes(1));
        pool.setTestWhileIdle(true);
        return RedisClient.builder().hostAndPort(connection.host(), connection.port())
                .clientConfig(config.build()).poolConfig(pool).build();
    }

    /** Closes every pool. */
    @Override
    public void close() {
        closed = true;
        clients.values().forEach(RedisClient::close);
        clients.clear();
    }
}
