package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.outbound.OAuthClient;
import io.plugboard.host.internal.payloads.AppSecretLookup;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.jetty.client.FormRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;

/**
 * OAuth 2.0 client credentials tokens for webhooks (RFC 6749 4.4): fetched from the token endpoint with HTTP
 * Basic client authentication, kept until shortly before they expire, shared by every delivery with the same
 * client (one fetch at a time: concurrent deliveries wait for the same one), and fetched again once when the
 * endpoint answers 401 ({@link #refresh}). A failed fetch is a {@link Failed} whose message says what went
 * wrong, never the secret; nothing is kept of it, so the next attempt asks again.
 */
final class OAuthTokens {

    /** A token could not be had; the message is the attempt's reason. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** A token without {@code expires_in} is used until a 401, or this long. */
    static final Duration WITHOUT_EXPIRY = Duration.ofHours(1);
    /** A token is fetched again this long before it expires (at most half its lifetime). */
    static final Duration EARLY = Duration.ofSeconds(30);
    private static final int MAX_KEPT = 1_000;
    private static final int MAX_ANSWER_BYTES = 65_536;

    private record Token(String value, Instant refreshAt) {}

    private final HttpClient client;
    private final Function<URI, CompletableFuture<Optional<String>>> targetCheck;
    private final AppSecretLookup secrets;
    private final Clock clock;
    private final Duration timeout;
    private final SendFailures failures;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, CompletableFuture<Token>> tokens = new ConcurrentHashMap<>();

    /**
     * @param targetCheck the outbound guard's verdict on the token URL (empty: allowed)
     * @param secrets the secrets store: the client secret's value by application and name
     */
    OAuthTokens(HttpClient client, Function<URI, CompletableFuture<Optional<String>>> targetCheck,
                AppSecretLookup secrets, Clock clock, Duration timeout, SendFailures failures) {
        this.failures = failures;
        this.client = client;
        this.targetCheck = targetCheck;
        this.secrets = secrets;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @param app the id of the webhook's application: the client secret is read from its secrets only
     * @return a token that is not about to expire; fails with {@link Failed}
     */
    CompletableFuture<String> token(String app, OAuthClient c) {
        return fetchUnless(app, c, null);
    }

    /** @return a token other than {@code rejected} (the endpoint answered 401 to it); fails with {@link Failed} */
    CompletableFuture<String> refresh(String app, OAuthClient c, String rejected) {
        return fetchUnless(app, c, rejected);
    }

    private CompletableFuture<String> fetchUnless(String app, OAuthClient c, String rejected) {
        String secret;
        try {
            secret = secrets.value(app, c.clientSecret()).orElseThrow(() -> new Failed("the secret '" + c.clientSecret()
                    + "' (oauth.client_secret) is not in the secrets store"));
        } catch (Failed e) {
            return CompletableFuture.failedFuture(e);
        }
        // The secret's value is part of the key, so a changed secret fetches a new token (its hash only: a
        // collision would at worst reuse the old token until the endpoint answers 401).
        String key = String.join("\n", app, c.tokenUrl(), c.clientId(), c.clientSecret(), String.valueOf(c.scope()),
                Integer.toHexString(secret.hashCode()));
        if (tokens.size() > MAX_KEPT) {
            tokens.clear();
        }
        CompletableFuture<Token> use = tokens.compute(key, (k, kept) -> usable(kept, rejected) ? kept : fetch(c, secret));
        use.whenComplete((t, failure) -> {
            if (failure != null) {
                tokens.remove(key, use);
            }
        });
        return use.thenApply(Token::value);
    }

    private boolean usable(CompletableFuture<Token> kept, String rejected) {
        if (kept == null || kept.isCompletedExceptionally()) {
            return false;
        }
        if (!kept.isDone()) {
            return true;
        }
        Token t = kept.join();
        return !t.value().equals(rejected) && clock.instant().isBefore(t.refreshAt());
    }

    private CompletableFuture<Token> fetch(OAuthClient c, String secret) {
        URI uri = URI.create(c.tokenUrl());
        return targetCheck.apply(uri).thenCompose(refusal -> {
            if (refusal.isPresent()) {
                throw new Failed("the token URL " + c.tokenUrl() + " is not allowed: " + refusal.get());
            }
            ResponseCollector collector = new ResponseCollector(MAX_ANSWER_BYTES);
            Fields form = new Fields();
            form.put("grant_type", "client_credentials");
            if (c.scope() != null) {
                form.put("scope", c.scope());
            }
            Request request = client.newRequest(uri).method(HttpMethod.POST)
                    .timeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .headers(h -> h.put("Authorization", basic(c.clientId(), secret)).put("Accept", "application/json"))
                    .body(new FormRequestContent(form));
            request.send(collector);
            return collector.done().thenApply(result -> token(c, uri, result, collector));
        });
    }

    private Token token(OAuthClient c, URI uri, org.eclipse.jetty.client.Result result, ResponseCollector collector) {
        String where = "the token endpoint " + c.tokenUrl();
        if (!collector.headersArrived() || result.getResponse() == null) {
            Throwable failure = result.getFailure();
            throw new Failed(where + " did not answer: " + (failure == null ? "no response" : failures.describe(failure, uri)));
        }
        int status = result.getResponse().getStatus();
        JsonNode body = json(collector.body());
        if (status != 200) {
            String error = body.path("error").asText("");
            String description = body.path("error_description").asText("");
            throw new Failed(where + " answered HTTP " + status + (error.isEmpty() ? "" : " " + error)
                    + (description.isEmpty() ? "" : ": " + description));
        }
        String token = body.path("access_token").asText("");
        String type = body.path("token_type").asText("bearer");
        if (token.isEmpty() || !type.equalsIgnoreCase("bearer")) {
            throw new Failed(where + " answered without a bearer access_token (token_type " + type + ")");
        }
        Duration lifetime = body.path("expires_in").canConvertToLong() || body.path("expires_in").isTextual()
                ? Duration.ofSeconds(Math.max(0, body.path("expires_in").asLong(WITHOUT_EXPIRY.toSeconds())))
                : WITHOUT_EXPIRY;
        Duration early = EARLY.compareTo(lifetime.dividedBy(2)) < 0 ? EARLY : lifetime.dividedBy(2);
        return new Token(token, clock.instant().plus(lifetime).minus(early));
    }

    private JsonNode json(String text) {
        try {
            return text == null || text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (java.io.IOException e) {
            return mapper.createObjectNode();
        }
    }

    /** RFC 6749 2.3.1: id and secret form-encoded, then Basic. */
    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the reason a token could not be had, from a failure of {@link #token} or {@link #refresh} */
    static String reason(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return t instanceof Failed ? t.getMessage() : "the OAuth token could not be fetched: " + t;
    }
}
