package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.plugboard.host.internal.web.http.SiteUrls;
import java.time.Instant;
import java.util.Set;

/**
 * {@code POST /api/v1/apps/{app}/portal-links}: a single-use magic link into the application's portal, for the
 * embedder to open from its own pages (redirect the customer's browser to it, or put it in an {@code <iframe>}).
 * The URL is absolute, as this request addressed the host (set {@code publicUrl} behind a proxy); the token in it
 * is not stored, only its hash, so it is shown here once.
 */
public final class PortalLinksApi implements RouteGroup {

    private static final Set<String> FIELDS = Set.of("expires_in", "read_only");

    record LinkJson(String url, Instant expiresAt, boolean readOnly) {}

    private final PortalLinks links;
    private final AppScopes scopes;
    private final ObjectMapper mapper;
    private final BasePath base;

    public PortalLinksApi(PortalLinks links, AppScopes scopes, ObjectMapper mapper, BasePath base) {
        this.links = links;
        this.scopes = scopes;
        this.mapper = mapper;
        this.base = base;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/apps/{" + AppScopes.PARAM + "}/portal-links", this::create);
    }

    private void create(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, true, FIELDS);
        Double seconds = in.number("expires_in");
        if (seconds != null && (seconds != Math.rint(seconds) || seconds.isInfinite())) {
            throw ValidationException.of("expires_in", "expires_in must be a whole number of seconds");
        }
        Boolean readOnly = in.bool("read_only");
        PortalLinks.Created link = links.create(app,
                seconds == null ? PortalLinks.DEFAULT_LIFETIME.toSeconds() : seconds.longValue(),
                Boolean.TRUE.equals(readOnly));
        JsonBody.send(ctx.status(201), mapper, new LinkJson(SiteUrls.absolute(ctx, base, "/portal/enter/" + link.token()),
                link.expiresAt(), Boolean.TRUE.equals(readOnly)));
    }
}
