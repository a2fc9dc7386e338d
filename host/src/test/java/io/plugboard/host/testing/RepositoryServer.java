package io.plugboard.host.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A static web server on a random 127.0.0.1 port serving one folder, as a plugin repository is
 * hosted: GET of a file answers its bytes, anything else 404.
 */
public final class RepositoryServer implements AutoCloseable {

    private final HttpServer server;
    private final Path dir;

    public RepositoryServer(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** @return the folder's URL, ending in {@code /} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = path.startsWith("/repo/") ? dir.resolve(path.substring("/repo/".length())).normalize() : null;
            if (!"GET".equals(exchange.getRequestMethod()) || file == null || !file.startsWith(dir)
                    || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
