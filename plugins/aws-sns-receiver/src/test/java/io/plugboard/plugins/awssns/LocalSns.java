package io.plugboard.plugins.awssns;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for SNS's web endpoints on 127.0.0.1 (com.sun.net.httpserver): {@code /cert.pem} serves the
 * CA-issued signing certificate, {@code /self-signed.pem} one no anchor trusts, and {@code /confirm}
 * records each subscription confirmation's query.
 */
final class LocalSns implements AutoCloseable {

    final List<String> confirmations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    LocalSns(SnsKeys keys) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/cert.pem", keys.signerPem);
        serve("/self-signed.pem", keys.selfSignedPem);
        server.createContext("/confirm", exchange -> {
            confirmations.add(exchange.getRequestURI().getRawQuery());
            byte[] body = "<ConfirmSubscriptionResponse/>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private void serve(String path, String text) {
        server.createContext(path, exchange -> {
            byte[] body = text.getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** @return e.g. {@code http://127.0.0.1:41234/cert.pem} */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
