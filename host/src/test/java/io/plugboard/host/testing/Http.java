package io.plugboard.host.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for tests: JSON calls and form posts against a started host. */
public final class Http {

    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A response with its body as text, and as JSON when it parses. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String base;
    private String bearerToken;
    private String sessionCookie;
    private String csrf;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Http(String base) {
        this.base = base;
    }

    /**
     * A client that authenticates as a real admin would: an API token (created with HTTP Basic) for the
     * API, and a logged-in session with its CSRF token for the admin pages.
     */
    public static Http authenticated(String base, String username, String password) {
        Http http = new Http(base);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        Response token = http.send(HttpRequest.newBuilder(http.uri("/api/v1/tokens")).header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"tests\"}")));
        if (token.status() != 201) {
            throw new AssertionError("could not create an API token: " + token.body());
        }
        http.bearerToken = token.json().get("value").asText();
        http.login(username, password);
        return http;
    }

    /** Logs in through the login form and keeps the session cookie and the CSRF token. */
    public void login(String username, String password) {
        Response form = get("/admin/login");
        String preCookie = cookie(form, "plugboard_login_csrf");
        String body = "_csrf=" + enc(preCookie) + "&username=" + enc(username) + "&password=" + enc(password)
                + "&next=%2Fadmin%2Fwebhooks";
        Response r = send(HttpRequest.newBuilder(uri("/admin/login"))
                .header("Cookie", "plugboard_login_csrf=" + preCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.status() != 302) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        sessionCookie = cookie(r, "plugboard_session");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get("/admin/webhooks").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the admin page");
        }
        csrf = m.group(1);
    }

    /** @return {@code plugboard_session=…}, for requests made without this helper */
    public String sessionCookieHeader() {
        return "plugboard_session=" + sessionCookie;
    }

    /** @return the {@code Authorization} header value this client sends to the API, for raw requests */
    public String authorizationHeader() {
        return "Bearer " + bearerToken;
    }

    public String csrfToken() {
        return csrf;
    }

    /** @return the value of a cookie the response sets */
    public static String cookie(Response r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers().map()));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts JSON with more request headers, e.g. {@code Idempotency-Key}. */
    public Response postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public Response putJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patchJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts an HTML form; a field may repeat (e.g. several {@code events}). */
    public Response postForm(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null && fields.stream().noneMatch(f -> f.getKey().equals("_csrf"))) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a multipart form with one file field and some text fields, as a browser or
     * {@code curl -F} does; the CSRF token is added for admin paths.
     */
    public Response postMultipart(String path, String fileField, String fileName, byte[] content,
                                  Map<String, String> fields) {
        String boundary = "----plugboard" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null && path.startsWith("/admin")) {
            all.putIfAbsent("_csrf", csrf);
        }
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * One request as given, with no cookies of a session and no redirects followed: for tests that set
     * every header themselves (an application's session cookie, an SSO proxy's headers).
     *
     * @param body the request body, or null for none
     */
    public static Response exchange(String baseUrl, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = PLAIN.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest probe = request.build();
        if (bearerToken != null && probe.headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (sessionCookie != null && probe.headers().firstValue("Cookie").isEmpty()) {
            request.header("Cookie", sessionCookieHeader());
        }
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
