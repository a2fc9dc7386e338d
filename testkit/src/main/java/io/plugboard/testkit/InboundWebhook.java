package io.plugboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An inbound webhook created through the host's REST API for a receiver plugin under test: its public
 * URL to post to as the sending service would, and what the host made of the requests. Made by
 * {@link PluginHarness#inboundWebhook}.
 */
public final class InboundWebhook {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HostApi api;
    private final JsonNode created;

    InboundWebhook(HostApi api, JsonNode created) {
        this.api = api;
        this.created = created;
    }

    /** @return its id, {@code in_…} */
    public String id() {
        return created.path("id").asText();
    }

    /** @return the URL the sending service posts to */
    public String url() {
        return created.path("url").asText();
    }

    /** @return the API's answer to the creation */
    public JsonNode created() {
        return created;
    }

    /**
     * Posts a request to {@link #url()} as the sending service would (no API credentials).
     *
     * @param body the request body, sent as {@code application/json} unless a Content-Type header is given
     * @param headers header names and values, alternating, e.g. {@code "Authorization", "Bearer t0ken"}
     * @return the host's answer: 202 accepted, 401 rejected, 400 unparseable, …
     */
    public HostApi.Response post(String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name and value pairs");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HostApi.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("cannot post to " + url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while posting to " + url(), e);
        }
    }

    /** @return the events the receiver made of accepted requests, newest first */
    public JsonNode receivedEvents() {
        return api.get("/api/v1/received-events?inbound_webhook=" + id()).expect(200).json().path("data");
    }

    /** @return the refused requests, newest first, each with its {@code status}, {@code kind} and {@code message} */
    public JsonNode errors() {
        return api.get("/api/v1/inbound-webhooks/" + id() + "/errors").expect(200).json().path("data");
    }
}
