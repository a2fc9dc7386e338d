package io.plugboard.host.internal.outbound;

import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.PayloadCheck;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.TargetGuard;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Checks a {@link WebhookSettings} and returns it normalised (trimmed, de-duplicated), or says what to fix. */
public final class WebhookValidator {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_EVENTS = 200;
    public static final int MAX_TOKEN_LENGTH = 512;

    private final EventTypeRegistry registry;
    private final TargetGuard guard;
    private final PayloadCheck payloadCheck;
    private final DestinationCheck destinationCheck;
    private final EndpointAccessCheck accessCheck;

    /**
     * @param secretNames the names of an application's secrets, by its id (an OAuth client secret, a template
     *     or a header must name one of the webhook's application)
     */
    public WebhookValidator(EventTypeRegistry registry, TargetGuard guard, PayloadCheck payloadCheck,
                            Destinations destinations, Function<String, Set<String>> secretNames) {
        this.registry = registry;
        this.guard = guard;
        this.payloadCheck = payloadCheck;
        this.destinationCheck = new DestinationCheck(destinations);
        this.accessCheck = new EndpointAccessCheck(guard, secretNames);
    }

    /**
     * Validates a new webhook of the default application.
     *
     * @throws ValidationException with one message per invalid field
     */
    public WebhookSettings validate(WebhookSettings draft) {
        return validate(io.plugboard.host.internal.common.DefaultApp.ID, draft, Map.of());
    }

    /**
     * @param app the id of the application the webhook is for (whose secrets it may refer to)
     * @param earlier problems the caller found already (e.g. a field of the wrong JSON type, read as
     *     absent): they are reported with the others, and win over what this check says of the same field
     * @throws ValidationException with one message per invalid field
     */
    public WebhookSettings validate(String app, WebhookSettings draft, Map<String, String> earlier) {
        return check(app, draft, Set.of(), null, false, earlier);
    }

    /**
     * Validates a change to an existing webhook: event keys it already subscribes to stay allowed even
     * while no plugin registers them (a plugin may be stopped for a while), and an unchanged URL is not
     * checked against the outbound guard again, so a webhook the guard now refuses can still be renamed,
     * turned off or given other events (its deliveries are checked before every request anyway). Turning
     * such a webhook on is refused: it needs an allowed URL first.
     *
     * @param earlier as for {@link #validate(String, WebhookSettings, Map)}
     * @throws ValidationException with one message per invalid field
     */
    public WebhookSettings validateChange(WebhookSettings draft, Webhook current, Map<String, String> earlier) {
        return check(current.appId(), draft, Set.copyOf(current.events()), current, !current.enabled() && draft.enabled(), earlier);
    }

    /** The slowest and the fastest rate limit, requests per second. */
    public static final double MIN_RATE_LIMIT = 0.01;
    public static final double MAX_RATE_LIMIT = 10_000;

    private WebhookSettings check(String app, WebhookSettings draft, Set<String> alreadySubscribed, Webhook current, boolean turnsOn,
                               Map<String, String> earlier) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(draft.name());
        String url = strip(draft.url());
        String token = strip(draft.token());
        checkName(name, errors);
        WebhookDestination destination = destinationCheck.check(draft.destination(),
                current == null ? null : current.settings().destination(), errors);
        if (destination.isHttp()) {
            checkUrl(url, current == null ? null : current.url(), turnsOn, errors);
        } else if (url != null && !url.isEmpty()) {
            errors.put("url", "url is only for HTTP webhooks; the destination's settings say where its messages go");
        } else {
            url = null;
        }
        List<String> events = checkEvents(draft.events(), alreadySubscribed, errors);
        checkToken(token, errors);
        String rateProblem = rateLimitProblem(draft.rateLimit());
        if (rateProblem != null) {
            errors.put("rate_limit", rateProblem);
        }
        PayloadSettings payload = payloadCheck.check(draft.payload(), app, name, events, errors);
        if (payload.header("Authorization") != null && token != null && !token.isEmpty()) {
            errors.put("headers", "an Authorization header and a token cannot both be set; use one of them");
        }
        boolean hasToken = token != null && !token.isEmpty();
        EndpointAccess access = accessCheck.check(app, draft.access(), destination.isHttp(), hasToken, errors);
        if (access.oauth() != null && payload.header("Authorization") != null) {
            errors.put("headers", "an Authorization header and oauth cannot both be set; use one of them");
        }
        if (!errors.isEmpty() || !earlier.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(earlier);
            errors.forEach(all::putIfAbsent);
            throw new ValidationException(all);
        }
        return new WebhookSettings(name, url, events, draft.enabled(), token == null || token.isEmpty() ? null : token,
                payload, destination, draft.rateLimit(), access);
    }

    /**
     * The one check of a rate limit, a webhook's or the host's default: requests per second, fractions
     * allowed (0.5 is one every two seconds).
     *
     * @return what is wrong with it, or null if it is fine (null, no limit, is fine)
     */
    public static String rateLimitProblem(Double perSecond) {
        if (perSecond == null) {
            return null;
        }
        if (perSecond.isNaN() || perSecond < MIN_RATE_LIMIT || perSecond > MAX_RATE_LIMIT) {
            return "rate_limit must be a number of requests per second from " + MIN_RATE_LIMIT + " to "
                    + (long) MAX_RATE_LIMIT + " (or empty for the host's default), not " + perSecond;
        }
        return null;
    }

    private static void checkName(String name, Map<String, String> errors) {
        if (name == null || name.isEmpty()) {
            errors.put("name", "name is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.put("name", "name must be at most " + MAX_NAME_LENGTH + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "name must not contain control characters");
        }
    }

    private void checkUrl(String url, String currentUrl, boolean turnsOn, Map<String, String> errors) {
        if (url == null || url.isEmpty()) {
            errors.put("url", "url is required");
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            errors.put("url", "url must be at most " + MAX_URL_LENGTH + " characters");
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.put("url", "url is not a valid URL: " + e.getReason());
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.put("url", "url must start with http:// or https://");
        } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
            errors.put("url", "url must name a host, e.g. https://example.com/webhooks");
        } else if (uri.getRawUserInfo() != null) {
            errors.put("url", "url must not contain a user name or password; use the token field instead");
        } else if (!url.equals(currentUrl)) {
            guard.refusal(uri).ifPresent(reason -> errors.put("url", "url is not allowed: " + reason));
        } else if (turnsOn) {
            guard.refusal(uri).ifPresent(reason -> errors.put("url", "url is not allowed: " + reason
                    + "; give the webhook an allowed url before turning it on"));
        }
    }

    private List<String> checkEvents(List<String> events, Set<String> known, Map<String, String> errors) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String event : events) {
            String key = strip(event);
            if (key != null && !key.isEmpty()) {
                unique.add(key);
            }
        }
        if (unique.isEmpty()) {
            errors.put("events", "choose at least one event type");
            return List.of();
        }
        if (unique.size() > MAX_EVENTS) {
            errors.put("events", "a webhook can subscribe to at most " + MAX_EVENTS + " event types");
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        for (String key : unique) {
            if (!known.contains(key) && !registry.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("events", "unknown event type" + (unknown.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", unknown) + " (GET /api/v1/event-types lists the registered types)");
        }
        return List.copyOf(unique);
    }

    private static void checkToken(String token, Map<String, String> errors) {
        if (token == null || token.isEmpty()) {
            return;
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            errors.put("token", "token must be at most " + MAX_TOKEN_LENGTH + " characters");
        } else if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            errors.put("token", "token may contain only printable ASCII characters without spaces");
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
