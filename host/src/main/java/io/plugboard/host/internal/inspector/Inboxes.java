package io.plugboard.host.internal.inspector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.SecretTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The request inspector's inboxes, kept in the database so that every instance behind a load balancer
 * captures into and shows the same inboxes. A debugging aid whose public, unauthenticated receiving
 * URL must not be a way to fill the database, so it is bounded: at most {@value #MAX_INBOXES} inboxes, each kept {@link #TTL} and holding the last
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

    private final InboxStore store;
    private final Clock clock;
    private volatile String ownHost = "127.0.0.1";
    private volatile int ownPort = -1;

    public Inboxes(Jdbi jdbi, ObjectMapper mapper, Clock clock) {
        this.store = new InboxStore(jdbi, mapper);
        this.clock = clock;
    }

    /** Tells where this host listens, once the web server has started; the loopback inbox URLs use it. */
    public void listeningOn(String bindHost, int port) {
        this.ownHost = bindHost == null || bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::")
                ? "127.0.0.1" : bindHost;
        this.ownPort = port;
    }

    /** @throws IllegalStateException when {@value #MAX_INBOXES} inboxes are open */
    public Inbox create(String label) {
        Instant now = clock.instant();
        InboxStore.Row row = new InboxStore.Row("ibx_" + SecretTokens.next(), label, now, now.plus(TTL));
        if (!store.insert(row.id(), row.label(), row.createdAt(), row.expiresAt(), MAX_INBOXES)) {
            throw new IllegalStateException("at most " + MAX_INBOXES + " inboxes can be open; delete one first");
        }
        return new Inbox(store, row);
    }

    public Optional<Inbox> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return store.find(id, clock.instant()).map(row -> new Inbox(store, row));
    }

    /** @return the open inboxes, newest first */
    public List<Inbox> list() {
        return store.list(clock.instant()).stream().map(row -> new Inbox(store, row)).toList();
    }

    /**
     * Keeps a request the inbox received; the body beyond {@value #MAX_BODY_BYTES} bytes is cut.
     *
     * @return what was kept, numbered; empty if the inbox expired or was deleted meanwhile
     */
    public Optional<CapturedRequest> record(Inbox inbox, String method, String path, String query,
                                            Map<String, List<String>> headers, byte[] body, String remoteAddress) {
        boolean truncated = body.length > MAX_BODY_BYTES;
        byte[] kept = truncated ? java.util.Arrays.copyOf(body, MAX_BODY_BYTES) : body;
        CapturedRequest r = new CapturedRequest(0, clock.instant(), method, path, query,
                Map.copyOf(headers), kept, body.length, truncated, remoteAddress);
        return store.add(inbox.id(), r, MAX_REQUESTS).map(r::numbered);
    }

    public boolean delete(String id) {
        return id != null && store.delete(id);
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
        return find(path.substring(PATH_PREFIX.length())).isPresent();
    }
}
