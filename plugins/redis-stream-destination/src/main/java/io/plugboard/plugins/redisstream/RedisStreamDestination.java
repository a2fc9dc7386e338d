package io.plugboard.plugins.redisstream;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.Destination;
import io.plugboard.sdk.outbound.OutgoingMessage;
import io.plugboard.sdk.settings.Setting;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends each webhook message to a Redis stream with XADD: fields {@code id}, {@code type},
 * {@code content_type}, {@code body} (the exact signed bytes) and one per header. A message is delivered
 * once Redis answers with the entry id (Redis acknowledges a write once it is in memory; how durable that
 * is depends on the server's persistence settings). Anything else is retried.
 */
@Extension
public class RedisStreamDestination implements Destination {

    private final RedisClients clients = new RedisClients();

    @Override
    public String id() {
        return "redis-stream";
    }

    @Override
    public String label() {
        return "Redis stream";
    }

    @Override
    public String description() {
        return "Appends each event to a Redis stream (XADD) with the body, its content type and the webhook "
                + "headers as fields, trimming the stream to about the given length.";
    }

    @Override
    public List<Setting> settings() {
        return RedisStreamSettings.declarations();
    }

    @Override
    public void verify(Map<String, String> settings) {
        RedisStreamSettings.parse(settings);
    }

    @Override
    public String describe(Map<String, String> settings) {
        try {
            RedisStreamSettings parsed = RedisStreamSettings.parse(settings);
            return parsed.connection() + " stream \"" + parsed.stream() + "\"";
        } catch (RuntimeException e) {
            return label();
        }
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage message) {
        RedisStreamSettings settings = RedisStreamSettings.parse(message.settings());
        String stream = message.expand(settings.stream());
        String streamProblem = RedisStreamSettings.streamProblem(stream);
        if (streamProblem != null) {
            return DeliveryOutcome.giveUp("the stream \"" + stream + "\" " + streamProblem);
        }
        XAddParams params = XAddParams.xAddParams();
        if (settings.maxLength() > 0) {
            params.maxLen(settings.maxLength()).approximateTrimming();
        }
        String server = settings.connection().toString();
        try {
            byte[] entryId = clients.client(settings.connection())
                    .xadd(stream.getBytes(StandardCharsets.UTF_8), params, StreamEntries.fields(message));
            return DeliveryOutcome.delivered("stream \"" + stream + "\" entry "
                    + new String(entryId, StandardCharsets.UTF_8) + " on " + server);
        } catch (JedisException | IllegalStateException e) {
            return DeliveryOutcome.retry(reason(e, server, stream));
        }
    }

    /** @return why XADD failed, in words, never with the password */
    static String reason(RuntimeException e, String server, String stream) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof JedisAccessControlException || message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")
                || message.contains("AUTH")) {
            return "not authorized by " + server + " (check the user and password): " + message;
        }
        if (e instanceof JedisConnectionException) {
            Throwable cause = e.getCause();
            return "could not reach " + server + ": " + message
                    + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        }
        if (message.startsWith("WRONGTYPE")) {
            return "the key \"" + stream + "\" on " + server + " holds a value that is not a stream (WRONGTYPE): "
                    + "delete or rename it, or choose another stream";
        }
        if (e instanceof JedisDataException) {
            return "Redis " + server + " refused XADD to \"" + stream + "\": " + message;
        }
        if (e instanceof IllegalStateException) {
            return message;
        }
        return "Redis error on " + server + ": " + message;
    }

    @Override
    public void close() {
        clients.close();
    }
}
