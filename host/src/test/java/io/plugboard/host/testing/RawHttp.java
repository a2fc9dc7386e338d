package io.plugboard.host.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for what {@code java.net.http} will not send: any {@code Host}
 * header (as a browser fooled by DNS rebinding sends it), oversized headers. Each request has its own
 * connection, closed by the request.
 */
public final class RawHttp {

    /** A response: status, headers (names in lower case, the last value of each) and body as text. */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final String host;
    private final int port;

    /** @param base the host's base URL, e.g. {@code http://127.0.0.1:8080} */
    public RawHttp(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** @return the {@code Host} header a browser would send for the base URL */
    public String ownHost() {
        return host + ":" + port;
    }

    /**
     * @param head the request line and headers, each line ending in CRLF, without the blank line and
     *     without {@code Connection} (added here)
     * @param body the body, or an empty string
     */
    public Response send(String head, String body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(15_000);
            String request = head + "Connection: close\r\n\r\n" + body;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET with this {@code Host} header and extra header lines (each ending in CRLF). */
    public Response get(String path, String hostHeader, String extraHeaders) {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + extraHeaders, "");
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("not an HTTP response: " + raw);
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            // Sizes count bytes; the bodies here are ASCII or close to it, checked by the assertions on them.
            byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
            out.append(chunk);
            at = lineEnd + 2 + chunk.length() + 2;
        }
    }
}
