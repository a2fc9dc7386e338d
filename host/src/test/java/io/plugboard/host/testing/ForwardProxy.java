package io.plugboard.host.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP forward proxy on 127.0.0.1 and a random port, on plain sockets. Plain HTTP targets come in
 * absolute form ({@code POST http://host:port/path HTTP/1.1}) and are forwarded with their headers and body
 * (without the hop-by-hop ones); HTTPS targets come as {@code CONNECT host:port}, answered 200 and then
 * tunnelled byte for byte, so the TLS handshake is the client's with the target. Records each request.
 */
public final class ForwardProxy implements AutoCloseable {

    /** One proxied request: the absolute URI asked for ({@code host:port} for CONNECT) and the {@code Proxy-Authorization} sent, or null. */
    public record Proxied(String method, String uri, String proxyAuthorization) {}

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "proxy-authorization", "proxy-connection", "keep-alive", "te", "trailer", "transfer-encoding");
    private static final int TIMEOUT_MILLIS = 30_000;

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpClient forward = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Proxied> proxied = new CopyOnWriteArrayList<>();

    public ForwardProxy() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "forward-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                return; // closed
            }
        }
    }

    /** Requests on one client connection, kept alive until the client closes it or a CONNECT takes it over. */
    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String line = readLine(in);
                if (line == null || line.isEmpty()) {
                    return;
                }
                String[] parts = line.split(" ");
                Map<String, String> headers = readHeaders(in);
                proxied.add(new Proxied(parts[0], parts[1], headers.get("proxy-authorization")));
                if (parts[0].equals("CONNECT")) {
                    tunnel(client, parts[1], in, out);
                    return;
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                forward(parts[0], parts[1], headers, body, out);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket target = new Socket()) {
            try {
                target.connect(new InetSocketAddress(authority.substring(0, colon),
                        Integer.parseInt(authority.substring(colon + 1))), 10_000);
            } catch (IOException e) {
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            open.add(target);
            target.setSoTimeout(TIMEOUT_MILLIS);
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var upstream = threads.submit(() -> pump(in, target.getOutputStream(), target));
            pump(target.getInputStream(), out, client);
            upstream.cancel(true);
        } finally {
            client.close();
        }
    }

    /** Copies until either side ends, then closes the socket written to, which ends the other direction too. */
    private static Void pump(InputStream from, OutputStream to, Socket toSocket) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            // one side closed or timed out
        } finally {
            try {
                toSocket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
        return null;
    }

    private void forward(String method, String uri, Map<String, String> headers, byte[] body, OutputStream out)
            throws IOException {
        URI target = URI.create(uri);
        int status;
        byte[] answer;
        if (target.getHost() == null) {
            status = 400;
            answer = "a forward proxy needs an absolute URI".getBytes(StandardCharsets.UTF_8);
        } else {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name)) {
                    request.header(name, value);
                }
            });
            try {
                HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (IOException e) {
                status = 502;
                answer = ("the proxy could not reach the target: " + e).getBytes(StandardCharsets.UTF_8);
            }
        }
        out.write(("HTTP/1.1 " + status + " Proxied\r\nContent-Length: " + answer.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(answer);
        out.flush();
    }

    /** @return the header fields, names in lower case (the tests' requests repeat none that matter) */
    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        return headers;
    }

    /** @return one CRLF-ended line without its end, or null at the end of the stream */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Proxied> proxied() {
        return List.copyOf(proxied);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
