package io.plugboard.host.internal.inspector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.RandomTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The request inspector's inboxes, kept in the database so that every instance on it serves every
 * inbox: a request captured by one is seen through another, and any instance delivers a webhook to
 * an inbox in-process. The receiving URL is public and unauthenticated, so it must not be a way to
 * fill the database: at most {@value #MAX_INBOXES} inboxes, each open for {@link #TTL} and keeping its
 * last {@value #MAX_REQUESTS} requests with bodies cut at {@value #MAX_BODY_BYTES} bytes. An inbox id
 * is 256 random bits, so its URL cannot be guessed.
 */
public final class Inboxes {

    public static final String PATH_PREFIX = "/inspect/";
    public static final int MAX_INBOXES = 20;
    public static final int MAX_REQUESTS = 50;
    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final Duration TTL = Duration.ofHours(24);
    private static final Pattern ID = Pattern.compile("ibx_[A-Za-z0-9_-]{20,100}");

    private final InboxStore store;
    private final CapturedRequests requests;
    private volatile String ownHost = "127.0.0.1";
    private volatile int ownPort = -1;
    private volatile String ownBasePath = "";

    public Inboxes(Jdbi jdbi, ObjectMapper mapper, Clock clock) {
        this.store = new InboxStore(jdbi, clock);
        this.requests = new CapturedRequests(jdbi, mapper, clock);
    }

    /**
     * Tells where this host listens, once the web server has started; the loopback inbox URLs use it.
     *
     * @param basePath the path the host's routes are under, {@code ""} for the root
     */
    public void listeningOn(String bindHost, int port, String basePath) {
        this.ownBasePath = basePath;
        this.ownHost = bindHost == null || bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::")
                ? "127.0.0.1" : bindHost;
        this.ownPort = port;
    }

    /** @throws ConflictException when {@value #MAX_INBOXES} inboxes are open */
    public Inbox create(String label) {
        String id = "ibx_" + RandomTokens.next();
        return store.create(id, label, loopbackUrl(id));
    }

    public Optional<Inbox> find(String id) {
        return id == null || !ID.matcher(id).matches() ? Optional.empty() : store.find(id);
    }

    /** @return the open inboxes, newest first */
    public List<Inbox> list() {
        return store.list();
    }

    /**
     * Keeps a request an inbox received; the body beyond {@value #MAX_BODY_BYTES} bytes is cut.
     *
     * @return the request as kept, or empty when no open inbox has this id
     */
    public Optional<CapturedRequest> record(String inboxId, String method, String path, String query,
                                            Map<String, List<String>> headers, byte[] body, String remoteAddress) {
        if (inboxId == null || !ID.matcher(inboxId).matches()) {
            return Optional.empty();
        }
        return requests.record(inboxId, method, path, query, headers, body, remoteAddress);
    }

    /** @return the requests the inbox keeps, newest first */
    public List<CapturedRequest> requests(Inbox inbox) {
        return requests.list(inbox.id());
    }

    /** Drops the inbox's requests; it stays open and keeps counting. */
    public void clear(Inbox inbox) {
        requests.clear(inbox.id());
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    /** @return how many expired inboxes were removed; see {@link InboxPurge} */
    int purgeExpired() {
        return store.purgeExpired();
    }

    /**
     * @return the inbox id when the URL is exactly the loopback URL of an open inbox (no query, no user
     *     info), whichever instance created it, else empty. Such a URL is the one loopback target the
     *     outbound guard lets through: every instance delivers it in-process, so it reaches nothing
     *     but the inspector.
     */
    public Optional<String> ownInboxId(URI url) {
        if (url == null || !"http".equalsIgnoreCase(url.getScheme()) || url.getRawUserInfo() != null
                || url.getRawQuery() != null || url.getRawFragment() != null || url.getHost() == null
                || url.getRawPath() == null || !url.getRawPath().contains(PATH_PREFIX)) {
            return Optional.empty();
        }
        // Whatever base path the creating instance had: the inbox's own URL, compared next, decides.
        String path = url.getRawPath();
        return find(path.substring(path.lastIndexOf(PATH_PREFIX) + PATH_PREFIX.length()))
                .filter(inbox -> sameTarget(URI.create(inbox.loopbackUrl()), url))
                .map(Inbox::id);
    }

    /** @see #ownInboxId(URI) */
    public boolean isOwnInboxUrl(URI url) {
        return ownInboxId(url).isPresent();
    }

    private static boolean sameTarget(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && a.getRawPath().equals(b.getRawPath());
    }

    /** The URL webhooks of this host deliver to an inbox this instance creates: loopback, its own port. */
    private String loopbackUrl(String id) {
        String host = ownHost.contains(":") ? "[" + ownHost + "]" : ownHost;
        return "http://" + host + ":" + ownPort + ownBasePath + PATH_PREFIX + id;
    }
}
