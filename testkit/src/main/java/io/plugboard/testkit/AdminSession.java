package io.plugboard.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin pages ({@code /admin}) of the harness's host, signed in through the login form as a person
 * would: the session cookie on every request, and the CSRF token added to every form post. For testing
 * the pages and forms a plugin contributes.
 */
public final class AdminSession {

    /**
     * One answer of an admin page.
     *
     * @param status the HTTP status (302 for a redirect, which is not followed)
     * @param body the HTML
     * @param location the redirect target, or {@code null}
     */
    public record Page(int status, String body, String location) {}

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;

    AdminSession(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/admin/login")).GET());
        String loginToken = cookie(form, "plugboard_login_csrf");
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/admin/login"))
                .header("Cookie", "plugboard_login_csrf=" + loginToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(List.of(Map.entry("_csrf", loginToken),
                        Map.entry("username", username), Map.entry("password", password))))));
        if (login.statusCode() != 302) {
            throw new AssertionError("the admin login failed with " + login.statusCode() + ": " + login.body());
        }
        cookie = "plugboard_session=" + cookie(login, "plugboard_session");
        Matcher m = CSRF_FIELD.matcher(get("/admin/webhooks").body());
        if (!m.find()) {
            throw new AssertionError("the admin page carries no CSRF token");
        }
        csrf = m.group(1);
    }

    /** @param path e.g. {@code /admin/plugins} @return the page */
    public Page get(String path) {
        return page(send(request(path).GET()));
    }

    /**
     * @param path the form's action, e.g. {@code /admin/plugins/shipping/settings}
     * @return a form to fill in with {@link AdminForm#field} and post with {@link AdminForm#submit()}
     */
    public AdminForm form(String path) {
        uri(path);
        return new AdminForm(this, path);
    }

    /**
     * Posts a form with the session's CSRF token added.
     *
     * @param path the form's action
     * @param fields the fields in the map's order (a {@code LinkedHashMap} or {@code Map.of} of one entry);
     *     for a name that repeats use {@link #form(String)} or {@link #postForm(String, List)}
     * @return the answer
     */
    public Page postForm(String path, Map<String, String> fields) {
        return postForm(path, new ArrayList<>(fields.entrySet()));
    }

    /**
     * Posts a form with the session's CSRF token added.
     *
     * @param path the form's action
     * @param fields the fields in order; a name may repeat
     * @return the answer
     */
    public Page postForm(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrf));
        return page(send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(all)))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Cookie", cookie);
    }

    private URI uri(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, not " + path);
        }
        return URI.create(baseUrl + path);
    }

    private static Page page(HttpResponse<String> r) {
        return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the host set no " + name + " cookie"));
    }

    /** @return the fields as {@code application/x-www-form-urlencoded}, in order */
    static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the host's admin did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the host's admin", e);
        }
    }
}
