package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.ByteSizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * GETs from a repository with the JDK's client: bounded in time (connecting, and the whole answer) and
 * in size, so a slow or huge answer cannot hold or fill the host. Failures are {@link IOException}s
 * whose message says what happened, in words for the plugins page.
 */
final class RepositoryHttp {

    private final HttpClient client;
    private final Duration timeout;

    RepositoryHttp(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @return the whole body, at most {@code maxBytes} */
    byte[] get(URI url, long maxBytes) throws IOException {
        try (InputStream in = open(url); var out = new java.io.ByteArrayOutputStream()) {
            copy(in, out, maxBytes, url);
            return out.toByteArray();
        }
    }

    /** Writes the body into {@code target}, at most {@code maxBytes}; a partial file is deleted. */
    void download(URI url, Path target, long maxBytes) throws IOException {
        try (InputStream in = open(url); OutputStream out = Files.newOutputStream(target)) {
            copy(in, out, maxBytes, url);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    private InputStream open(URI url) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException(url + " is not an http(s) URL");
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(url + " did not answer within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        } catch (IOException e) {
            throw new IOException(url + " cannot be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static void copy(InputStream in, OutputStream out, long maxBytes, URI url) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new IOException(url + " is larger than " + ByteSizes.text(maxBytes));
            }
            out.write(buffer, 0, n);
        }
    }
}
