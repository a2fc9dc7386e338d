package io.plugboard.plugins.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Method;
import com.rabbitmq.client.ShutdownSignalException;

/** Turns the broker's reason for closing a channel or connection into the words of its reply text. */
final class ShutdownReasons {

    private ShutdownReasons() {}

    /** @return e.g. {@code NOT_FOUND - no exchange 'x' in vhost '/'}, or the exception's message */
    static String of(ShutdownSignalException e) {
        Method reason = e.getReason();
        if (reason instanceof AMQP.Channel.Close close) {
            return close.getReplyText();
        }
        if (reason instanceof AMQP.Connection.Close close) {
            return "the connection was closed: " + close.getReplyText();
        }
        return e.getMessage() == null ? "the connection was lost" : e.getMessage();
    }
}
