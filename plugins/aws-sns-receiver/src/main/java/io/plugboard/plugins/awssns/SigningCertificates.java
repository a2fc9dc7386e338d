package io.plugboard.plugins.awssns;

import io.plugboard.sdk.inbound.RejectedRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates SNS signs with, fetched from a message's SigningCertURL (after the URL has been
 * checked against the allowed hosts) and cached by URL: SNS uses one certificate for a long time, so
 * almost every request is answered from the cache. The cache is bounded (least recently used goes
 * first) and entries expire, so a replaced certificate is fetched again. This is the one place the
 * receiver waits on another system while the sender waits: each fetch is bounded by {@link #TIMEOUT}.
 */
final class SigningCertificates {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 64;
    private static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    private record Entry(List<X509Certificate> chain, Instant fetchedAt) {}

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;
    private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    SigningCertificates(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param url a SigningCertURL already checked against the allowed hosts
     * @return the certificates in the PEM, the signing certificate first
     * @throws RejectedRequestException if it cannot be fetched or read
     */
    List<X509Certificate> get(String url) {
        Instant now = clock.instant();
        synchronized (cache) {
            Entry entry = cache.get(url);
            if (entry != null && entry.fetchedAt().plus(TIME_TO_LIVE).isAfter(now)) {
                return entry.chain();
            }
        }
        // Fetched outside the lock: one slow fetch never holds up requests answered from the cache.
        List<X509Certificate> chain = fetch(url);
        synchronized (cache) {
            cache.put(url, new Entry(chain, now));
        }
        return chain;
    }

    private List<X509Certificate> fetch(String url) {
        byte[] pem;
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new RejectedRequestException("the SigningCertURL answered HTTP " + response.statusCode());
                }
                pem = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new RejectedRequestException("the SigningCertURL could not be fetched: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedRequestException("interrupted while fetching the SigningCertURL");
        }
        if (pem.length > MAX_BYTES) {
            throw new RejectedRequestException("the SigningCertURL's answer is larger than " + MAX_BYTES + " bytes");
        }
        try {
            List<X509Certificate> chain = CertificateTrust.certificates(new ByteArrayInputStream(pem));
            if (chain.isEmpty()) {
                throw new RejectedRequestException("the SigningCertURL holds no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new RejectedRequestException("the SigningCertURL does not hold a PEM certificate");
        }
    }
}
