package io.plugboard.host.internal.inspector;

import io.plugboard.host.internal.SecretTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The request inspector's inboxes, held in memory: a debugging aid whose contents may be lost on a
 * restart, and whose public, unauthenticated receiving URL must not be a way to fill the database.
 * Bounded: at most {@value #MAX_INBOXES} inboxes, each kept {@link #TTL} and holding the last
 * {@value #MAX_REQUESTS} requests with bodies cut at {@value #MAX_BODY_BYTES} bytes. An inbox id is 256
 * random bits, so its URL cannot be guessed.
 */
public final class Inboxes {

    public static final String PATH_PREFIX = "/inspect/";
    public static final int MAX_INBOXES = 20;
    public static final int MAX_REQUESTS = 50;
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final Duration TTL = Duration.ofHours(24);
    private static final Pattern ID = Pattern.compile("ibx_[A-Za-z0-9_-]{20,100}");

    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile String ownHost = "127.0.0.1";
    private volatile int ownPort = -1;

    public Inboxes(Clock clock) {
        this.clock = clock;
    }

    /** Tells where this host listens, once the web server has started; the loopback inbox URLs use it. */
    public void listeningOn(String bindHost, int port) {
        this.ownHost = bindHost == null || bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::")
                ? "127.0.0.1" : bindHost;
        this.ownPort = port;
    }

    /** @throws IllegalStateException when {@value #MAX_INBOXES} inboxes are open */
    public synchronized Inbox create(String label) {
        purge();
        if (inboxes.size() >= MAX_INBOXES) {
            throw new IllegalStateException("at most " + MAX_INBOXES + " inboxes can be open; delete one first");
        }
        Instant now = clock.instant();
        Inbox inbox = new Inbox("ibx_" + SecretTokens.next(), label, now, now.plus(TTL));
        inboxes.put(inbox.id(), inbox);
        return inbox;
    }

    public Optional<Inbox> find(String id) {
        Inbox inbox = id == null ? null : inboxes.get(id);
        if (inbox != null && !clock.instant().isBefore(inbox.expiresAt())) {
            inboxes.remove(id);
            return Optional.empty();
        }
        return Optional.ofNullable(inbox);
    }

    /** @return the open inboxes, newest first */
    public List<Inbox> list() {
        purge();
        return inboxes.values().stream().sorted(Comparator.comparing(Inbox::createdAt).reversed()).toList();
    }

    /** Keeps a request the inbox received; the body beyond {@value #MAX_BODY_BYTES} bytes is cut. */
    public CapturedRequest record(Inbox inbox, String method, String path, String query,
                                  Map<String, List<String>> headers, byte[] body, String remoteAddress) {
        boolean truncated = body.length > MAX_BODY_BYTES;
        byte[] kept = truncated ? java.util.Arrays.copyOf(body, MAX_BODY_BYTES) : body;
        CapturedRequest r = new CapturedRequest(inbox.nextNumber(), clock.instant(), method, path, query,
                Map.copyOf(headers), kept, body.length, truncated, remoteAddress);
        inbox.add(r);
        return r;
    }

    public boolean delete(String id) {
        return inboxes.remove(id) != null;
    }

    /** The URL a webhook of this host uses to deliver to the inbox: loopback, this host's own port. */
    public String loopbackUrl(Inbox inbox) {
        String host = ownHost.contains(":") ? "[" + ownHost + "]" : ownHost;
        return "http://" + host + ":" + ownPort + inbox.path();
    }

    /**
     * @return true for exactly this host's loopback URL of an open inbox (no query, no user info): the
     *     one loopback target the outbound guard lets through, since it can only reach the inspector
     */
    public boolean isOwnInboxUrl(URI url) {
        if (ownPort < 0 || url == null || !"http".equalsIgnoreCase(url.getScheme()) || url.getRawUserInfo() != null
                || url.getRawQuery() != null || url.getRawFragment() != null || url.getPort() != ownPort) {
            return false;
        }
        String host = url.getHost();
        String bare = host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String path = url.getRawPath();
        if (!ownHost.equalsIgnoreCase(bare) || path == null || !path.startsWith(PATH_PREFIX)) {
            return false;
        }
        String id = path.substring(PATH_PREFIX.length());
        return ID.matcher(id).matches() && find(id).isPresent();
    }

    void purge() {
        Instant now = clock.instant();
        inboxes.values().removeIf(i -> !now.isBefore(i.expiresAt()));
    }
}
