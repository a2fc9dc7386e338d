package io.plugboard.host.internal.delivery;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Says in words why a request got no response: the reason an attempt records (`not sent: …`, a timeout, TLS). */
final class SendFailures {

    private final Duration requestTimeout;

    SendFailures(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    String describe(Throwable e, URI target) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedResolver.Refused) {
                return "not sent: " + t.getMessage();
            }
        }
        if (e instanceof SocketTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof TimeoutException) {
            return "no response within " + requestTimeout.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            String message = e.getMessage();
            return message == null || message.toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused" : "could not connect: " + message;
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + target.getHost() + ": it does not resolve";
        }
        if (e instanceof AsynchronousCloseException) {
            return "cancelled while waiting for the response: the host is shutting down";
        }
        if (e instanceof EOFException || e instanceof ClosedChannelException) {
            return "the connection closed before a response arrived";
        }
        if (e instanceof SSLException) {
            return "TLS error" + suffix(e);
        }
        if (e.getMessage() == null && e.getCause() != null) {
            return describe(e.getCause(), target);
        }
        return e.getClass().getSimpleName() + suffix(e);
    }

    private static String suffix(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
    }
}
